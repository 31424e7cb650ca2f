/** Why a workflow task's commands were rejected: the task fails with this cause and message. */
export interface CommandProblem {
  cause: number;
  message: string;
}
