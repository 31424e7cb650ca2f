/** A calendar date as the API takes it: the contract's own (libs/api-contract), one definition for the API, the web app and the document. */
export { localDate } from '@dunning/api-contract';
