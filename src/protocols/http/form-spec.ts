// What the form-login probe needs to know of a web admin's login form: its pages, fields and the signs
// of success, with the patterns already compiled (the definitions are data, loaded by the login check).

export interface FormLoginSpec {
  loginPage: string;
  csrf?: { field: string; pagePattern?: string; cookie?: string };
  carryHiddenFields?: boolean;
  post: { path: string; userField: string; passField: string; extraFields?: Record<string, string> };
  success: { redirectTo?: string; cookie?: string; pageText?: string };
  failure?: string[];
  patterns: {
    titles: RegExp[];
    csrf?: RegExp;
    redirectTo?: RegExp;
    pageText?: RegExp;
    failure: RegExp[];
  };
}
