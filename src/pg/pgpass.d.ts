// pgpass (a dependency of pg) ships no types.
declare module 'pgpass' {
  function pgpass(info: { host: string; port: string; database: string; user: string }, cb: (password: string | undefined) => void): void;
  export default pgpass;
}
