// Remote desktops, VPNs and file-transfer clients, described as net-clients describes psql: the server they
// connect to is a host (off the allowlist: net-client-host asks); a local directory they share with it
// (xfreerdp /drive:, +home-drive, rdesktop -r disk:) or files they upload are sent; a server named only in a
// configuration file (an .ovpn, an .rdp, a WireGuard interface, a ZeroTier network) is a destination Rampart
// cannot place (net-opaque-destination asks).
import { c, slashClient, type Client } from './net-client-spec.js';

// FreeRDP: /v:HOST[:PORT], /g:GATEWAY, /proxy:URL; /drive:NAME,PATH shares PATH, +home-drive shares HOME, +drives every mount.
// (Every option takes its value attached, /name:value, so each is optional-valued.)
const FREERDP = slashClient(['v?=', 'g?=', 'gateway?=', 'gw?=', 'proxy?=', 'u?=', 'p?=', 'd?=', 'drive?=', 'drives', 'home-drive', 'port?=', 'app?=', 'shell?=', 'cert?=', 'size?=', 'from-stdin?='],
  { host: ['v', 'g', 'gateway', 'gw', 'proxy'], operands: 'none', stdin: false, shares: ['drive'], sharesTree: { drives: '/', 'home-drive': '~' }, configOperand: /\.rdp$/i, server: (v) => v.replace(/^g:/, '') });
// rdesktop [options] HOST[:PORT]; -r disk:NAME=PATH shares PATH.
const RDESKTOP = c(['u=', 'd=', 's=', 'c=', 'p=', 'n=', 'k=', 'g=', 'i', 't', 'f', 'b', 'L', 'A=', 'B', 'e', 'E', 'm', 'C', 'D', 'K', 'S=', 'T=', 'N', 'X=', 'a=', 'z', 'x=', 'P', 'r=', '0', '4', '5', 'o=', 'v'],
  { host: [], operands: 'first', stdin: false, shares: ['r'] });
// Remmina -c URI|FILE.remmina, --server HOST; a profile file holds its server.
const REMMINA = c(['c,connect=', 'e,edit=', 'n,new', 'p,pref=', 'x,plugin=', 'q,quit', 's,server=', 't,protocol=', 'i,icon', 'k,kiosk', 'full-screen', 'no-tray-icon', 'set-option=', 'update-profile=', 'encrypt-password', 'V,version'],
  { host: ['connect', 'server'], operands: 'none', stdin: false, configOperand: /\.remmina$/i, server: (v) => (/\.remmina$/i.test(v) ? undefined : v) });
// VNC viewers: HOST:DISPLAY or HOST::PORT operands (TigerVNC's -Option value words are skipped by reading every host-looking operand), -via GATEWAY.
const VNC = c(['via=', 'passwd=', 'PasswordFile=', 'SecurityTypes=', 'X509CA=', 'X509CRL=', 'CompressLevel=', 'QualityLevel=', 'PreferredEncoding=', 'geometry=', 'display=', 'MenuKey=', 'log=', 'DesktopSize=', 'ServerName=', 'listen?='],
  { host: ['via', 'ServerName'], operands: 'hosts', stdin: false, configOperand: /\.(vnc|tigervnc)$/i, server: (v) => v.replace(/::(\d+)$/, ':$1') }, true);
// OpenVPN: --remote HOST, its proxies; --config FILE (or a FILE operand) names servers Rampart does not read; --auth-user-pass FILE
// sends the credentials in it. (Its --up/--down … scripts are judged as the command lines they are, in command-options.)
const OPENVPN = c(['config=', 'remote=', 'port=', 'rport=', 'proto=', 'dev=', 'dev-type=', 'ca=', 'cert=', 'key=', 'pkcs12=', 'tls-auth=', 'tls-crypt=', 'secret=', 'auth-user-pass?=', 'askpass?=',
  'up=', 'down=', 'route-up=', 'route-pre-down=', 'ipchange=', 'tls-verify=', 'auth-user-pass-verify=', 'client-connect=', 'client-disconnect=', 'learn-address=', 'plugin=', 'script-security=',
  'log=', 'log-append=', 'status=', 'writepid=', 'cd=', 'daemon?=', 'verb=', 'client', 'nobind', 'persist-key', 'persist-tun', 'http-proxy=', 'socks-proxy=', 'management=', 'connect-retry=', 'genkey', 'show-ciphers', 'version', 'help'],
  { host: ['remote', 'http-proxy', 'socks-proxy'], file: ['auth-user-pass'], out: ['log', 'log-append', 'status', 'writepid'], operands: 'none', stdin: false, opaque: ['config', 'cd', 'plugin'], configOperand: /\.(ovpn|conf)$/i });
// openconnect HOST (AnyConnect, GlobalProtect …): --script runs on connect, --config holds options.
const OPENCONNECT = c(['u,user=', 'protocol=', 'servercert=', 'c,certificate=', 'k,sslkey=', 's,script=', 'b,background', 'passwd-on-stdin', 'authgroup=', 'useragent=', 'os=', 'P,proxy=', 'config=', 'q,quiet', 'v,verbose'],
  { host: ['proxy'], operands: 'first', stdin: false, opaque: ['config', 'script'] });
// wg-quick up IFACE|FILE and zerotier-cli join NETWORK connect to peers their configuration or network controller names.
const WG_QUICK = c([], { host: [], operands: 'none', stdin: false, opaqueVerbs: /^up$/ });
const ZEROTIER = c(['D=', 'p=', 'H=', 'T=', 'j'], { host: ['H'], operands: 'none', stdin: false, opaqueVerbs: /^(join|orbit)$/ });
// tailscale up|login joins this machine to a network run by --login-server (Tailscale's own by default); --exit-node
// sends all its traffic through another machine.
const TAILSCALE = c(['login-server=', 'authkey,auth-key=', 'hostname=', 'advertise-routes=', 'advertise-exit-node', 'exit-node=', 'accept-routes', 'accept-dns', 'ssh', 'reset', 'operator=', 'timeout=', 'json', 'qr', 'force-reauth', 'shields-up', 'unattended', 'socket='],
  { host: ['login-server', 'exit-node'], operands: 'none', stdin: false, defaultHost: [/^(up|login)$/, 'controlplane.tailscale.com'] }, true);
// NcFTP: ncftpput HOST DIR FILE… uploads FILE…, ncftpget/ncftp/ncftpls HOST or a URL; -f FILE holds host and login.
const NCFTP_SPECS = ['u=', 'p=', 'P=', 'j=', 'f=', 'm', 'R', 'a', 'A', 'z', 'Z', 'E', 'F', 't=', 'U=', 'y', 'S=', 'T=', 'c', 'C', 'd=', 'e=', 'B=', 'r=', 'X=', 'Y=', 'W=', 'o=', 'v', 'V', 'x=', 'l', 'g', 'i='];
const NCFTPPUT = c(NCFTP_SPECS, { host: [], operands: 'first', stdin: true, opaque: ['f'], sendsOperandsFrom: 2 });
const NCFTP = c(NCFTP_SPECS, { host: [], operands: 'first', stdin: false, opaque: ['f'] });
// curlftpfs [USER:PASS@]HOST[/DIR] MOUNTPOINT: files written under MOUNTPOINT go to HOST.
const CURLFTPFS = c(['o=', 'v', 'd', 'f', 's', 'h'], { host: [], operands: 'first', stdin: false });

export const REMOTE_SESSIONS: Readonly<Record<string, Client>> = {
  ...Object.fromEntries(['xfreerdp', 'xfreerdp3', 'wlfreerdp', 'wlfreerdp3', 'sdl-freerdp', 'sdl-freerdp3', 'freerdp'].map((t) => [t, FREERDP])),
  rdesktop: RDESKTOP, remmina: REMMINA,
  ...Object.fromEntries(['vncviewer', 'xtigervncviewer', 'tigervnc', 'xvnc4viewer', 'xtightvncviewer', 'gvncviewer', 'realvnc-vncviewer'].map((t) => [t, VNC])),
  openvpn: OPENVPN, openconnect: OPENCONNECT, 'wg-quick': WG_QUICK, 'zerotier-cli': ZEROTIER, tailscale: TAILSCALE,
  ncftpput: NCFTPPUT, ncftp: NCFTP, ncftpget: NCFTP, ncftpls: NCFTP, ncftpbatch: NCFTP, curlftpfs: CURLFTPFS,
};
