import { useTranslation } from 'react-i18next';
import { confirmationDiffers } from './password-confirmation';
import { PasswordField } from '../common/PasswordField';

/**
 * A new password typed twice: a typo would lock the user out (or, in a reset, send them the wrong
 * one). The policy's refusal, named by the API, shows under the first field.
 */
export function NewPasswordFields({
  label,
  description,
  value,
  confirm,
  onChange,
  onConfirmChange,
  error,
  testId,
}: {
  label: string;
  description?: string;
  value: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={label}
        description={description}
        autoComplete="new-password"
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        data-testid={testId}
      />
      <PasswordField
        label={t('account.confirmPassword')}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirmChange(e.currentTarget.value)}
        error={confirmationDiffers(value, confirm) ? t('account.mismatch') : undefined}
        data-testid={`${testId}-confirm`}
      />
    </>
  );
}
