// Variable assignments that change what every later program loads or how Rampart sees the line.
import { LOADER_VARS, type State } from './state.js';

/** Tags a line for an assignment of NAME=value (loader variables, RAMPART_*, a PATH without the shims). */
export function assignmentTags(st: State, name: string, value: string, isStatic: boolean): void {
  if (LOADER_VARS.test(name) || (name === 'NODE_OPTIONS' && /(^|\s)(-r|--require|--import|--loader|--experimental-loader)\b/.test(value))) {
    st.lineTags.tags.add('loader-env');
    st.lineTags.notes.push(`${name}= changes what code every program loads`);
  }
  if (/^RAMPART_/.test(name)) st.lineTags.tags.add('rampart-tamper');
  // An empty value switches the program off (GIT_ASKPASS= is a common hardening).
  if (/^(GIT_ASKPASS|SSH_ASKPASS|GIT_SSH_COMMAND|GIT_SSH|GIT_PROXY_COMMAND|npm_config_script_shell|NPM_CONFIG_SCRIPT_SHELL)$/.test(name) && value !== '') {
    st.lineTags.tags.add('loader-env');
    st.lineTags.notes.push(`${name}= makes a tool run another program`);
  }
  if (name === 'PATH') {
    const keeps = /\$\{?PATH\}?/.test(value) || (st.ctx.shimsDir !== undefined && value.split(':').includes(st.ctx.shimsDir));
    if (!keeps || !isStatic && !/\$\{?PATH\}?/.test(value)) {
      st.lineTags.tags.add('path-strip');
      st.lineTags.notes.push('PATH is replaced without the Rampart shims directory');
    }
  }
}
