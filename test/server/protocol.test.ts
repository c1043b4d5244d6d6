import t from 'tap';
import { decodeRequest, fromWire, LineSplitter, ProtocolError } from '../../src/server/protocol.js';

t.test('fromWire decodes plain strings and {b64} bytes', async (t) => {
  t.equal(fromWire('abc'), 'abc');
  t.equal(fromWire({ b64: Buffer.from('héllo').toString('base64') }), 'héllo');
  // Invalid UTF-8 maps byte-for-byte (latin1) so ASCII such as a host name survives intact.
  const raw = Buffer.from([0x65, 0x76, 0x69, 0x6c, 0xff, 0xfe]);
  t.same(Buffer.from(fromWire({ b64: raw.toString('base64') })!, 'latin1'), raw);
  t.throws(() => fromWire({ nope: 1 } as never));
});

t.test('decodeRequest validates the envelope', async (t) => {
  const code = (line: string) => {
    try {
      decodeRequest(line);
      return 'ok';
    } catch (e) {
      return (e as ProtocolError).code;
    }
  };
  t.equal(code('{"v":1,"type":"status"}'), 'ok');
  t.equal(code('garbage'), 'parse');
  t.equal(code('[1,2]'), 'bad-request');
  t.equal(code('{"v":2,"type":"status"}'), 'version');
  t.equal(code('{"type":"status"}'), 'version');
  t.equal(code('{"v":1,"type":"rm -rf"}'), 'bad-request');
  t.equal(code('{"v":1,"type":"decide","argv":[],"cwd":"/"}'), 'bad-request');
  t.equal(code('{"v":1,"type":"approve"}'), 'bad-request');
});

t.test('LineSplitter splits across chunks and drops oversized lines', async (t) => {
  const lines: string[] = [];
  let over = 0;
  const s = new LineSplitter((l) => lines.push(l), () => over++, 10);
  s.push(Buffer.from('ab'));
  s.push(Buffer.from('c\nde'));
  s.push(Buffer.from('f\n0123456789abc'));
  s.push(Buffer.from('def\nok\n\n'));
  t.same(lines, ['abc', 'def', 'ok']);
  t.equal(over, 1);
});
