#!/usr/bin/env python3
"""What the byte arrays in a heap dump are, and who holds the large ones.

    python3 bench/heap-arrays.py target/load/<time>/users-500/idle.hprof [SESSIONS] [MIN_BYTES]

A heap dump (HPROF, from `HEAPDUMP=1 bash bench/load.sh` or `jcmd PID GC.heap_dump FILE`) holds every byte array
with its length, and every object with its fields. This prints the byte arrays by size (count and total, and per
session when SESSIONS is given), then, for the arrays of at least MIN_BYTES (default 1024), what refers to them: the
class and field of the object holding the array, or of the object holding the String whose value it is. Two passes
over the file, no other tools; a dump of a few hundred MB takes a minute or two.
"""
import collections
import struct
import sys

BASIC_SIZES = {2: None, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}


def records(path):
    with open(path, 'rb') as f:
        header = b''
        while not header.endswith(b'\0'):
            header += f.read(1)
        id_size = struct.unpack('>I', f.read(4))[0]
        f.read(8)
        yield 'id_size', id_size
        while True:
            head = f.read(9)
            if len(head) < 9:
                return
            tag, _, length = struct.unpack('>BII', head)
            yield tag, f.read(length)


def class_dump(body, start, I):
    """A CLASS DUMP sub-record at start: (super class id, [(field name id, type)] of its instance fields, end)."""
    pos = start + I + 4 + 6 * I + 4
    cp = struct.unpack_from('>H', body, pos)[0]
    pos += 2
    for _ in range(cp):
        t = body[pos + 2]
        pos += 3 + (I if t == 2 else BASIC_SIZES[t])
    statics = struct.unpack_from('>H', body, pos)[0]
    pos += 2
    for _ in range(statics):
        t = body[pos + I]
        pos += I + 1 + (I if t == 2 else BASIC_SIZES[t])
    count = struct.unpack_from('>H', body, pos)[0]
    pos += 2
    fields = []
    for _ in range(count):
        fields.append((int.from_bytes(body[pos:pos + I], 'big'), body[pos + I]))
        pos += I + 1
    return int.from_bytes(body[start + I + 4:start + 2 * I + 4], 'big'), fields, pos


def heap_items(body, id_size):
    """Yields (subtag, offset, end) for each heap dump sub-record in a HEAP DUMP (SEGMENT) body."""
    I = id_size
    pos, n = 0, len(body)
    root_sizes = {0xFF: I, 0x01: 2 * I, 0x02: I + 8, 0x03: I + 8, 0x04: I + 4, 0x05: I, 0x06: I + 4, 0x07: I,
                  0x08: I + 8}
    while pos < n:
        sub = body[pos]
        pos += 1
        if sub in root_sizes:
            pos += root_sizes[sub]
        elif sub == 0x20:  # class dump
            end = class_dump(body, pos, I)[2]
            yield sub, pos, end
            pos = end
        elif sub == 0x21:  # instance
            length = struct.unpack_from('>I', body, pos + 2 * I + 4)[0]
            yield sub, pos, pos + 2 * I + 8 + length
            pos += 2 * I + 8 + length
        elif sub == 0x22:  # object array
            num = struct.unpack_from('>I', body, pos + I + 4)[0]
            yield sub, pos, pos + 2 * I + 8 + num * I
            pos += 2 * I + 8 + num * I
        elif sub == 0x23:  # primitive array
            num, t = struct.unpack_from('>IB', body, pos + I + 4)
            end = pos + I + 9 + num * BASIC_SIZES[t]
            yield sub, pos, end
            pos = end
        else:
            raise ValueError('unknown heap sub-record 0x%x at %d' % (sub, pos))


def main():
    path = sys.argv[1]
    sessions = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    min_bytes = int(sys.argv[3]) if len(sys.argv) > 3 else 1024
    rd = lambda b, o, I: int.from_bytes(b[o:o + I], 'big')

    # Pass 1: names, classes and their fields, byte arrays, Strings.
    names, class_name, supers, own_fields = {}, {}, {}, {}
    byte_arrays = {}            # id -> length, for the large ones
    sizes = collections.Counter()
    counts = collections.Counter()
    strings = {}                # String id -> value array id (only for large values, filled in pass 2)
    I = None
    string_class = None
    for tag, body in records(path):
        if tag == 'id_size':
            I = body
            continue
        if tag == 0x01:
            names[rd(body, 0, I)] = body[I:].decode('utf-8', 'replace')
        elif tag == 0x02:
            class_name[rd(body, 4, I)] = rd(body, 8 + I, I)
        elif tag in (0x0C, 0x1C):
            for sub, start, end in heap_items(body, I):
                if sub == 0x20:
                    cid = rd(body, start, I)
                    supers[cid], own_fields[cid], _ = class_dump(body, start, I)
                elif sub == 0x23:
                    num, t = struct.unpack_from('>IB', body, start + I + 4)
                    if t == 8:
                        bucket = 1 << max(0, (num - 1).bit_length()) if num else 0
                        sizes[bucket] += num
                        counts[bucket] += 1
                        if num >= min_bytes:
                            byte_arrays[rd(body, start, I)] = num
    cname = {cid: names.get(nid, '?') for cid, nid in class_name.items()}
    for cid, n in cname.items():
        if n == 'java/lang/String':
            string_class = cid

    def layout(cid):
        out, off = [], 0
        while cid and cid in own_fields:
            for nid, t in own_fields[cid]:
                size = I if t == 2 else BASIC_SIZES[t]
                if t == 2:
                    out.append((off, cname.get(cid, '?').replace('/', '.') + '.' + names.get(nid, '?')))
                off += size
            cid = supers.get(cid)
        return out

    layouts = {}
    total = sum(sizes.values())
    print('byte arrays by size (up to):')
    for bucket in sorted(sizes):
        per = ' %8.2f KB per session' % (sizes[bucket] / sessions / 1024) if sessions else ''
        print('  %8d B  %8d arrays  %10.1f KB%s' % (bucket, counts[bucket], sizes[bucket] / 1024, per))
    print('  all: %.1f MB' % (total / 1048576))

    # Pass 2: Strings holding the large arrays, then who holds those Strings or arrays.
    holders = collections.Counter()
    held_bytes = collections.Counter()
    targets = dict(byte_arrays)
    seen = set()
    holder_objects = {}         # id of an object holding a large array or String -> (its field, bytes held)
    up = collections.Counter()
    up_bytes = collections.Counter()
    for phase in ('strings', 'holders', 'up'):
        for tag, body in records(path):
            if tag not in (0x0C, 0x1C):
                continue
            for sub, start, end in heap_items(body, I):
                if sub == 0x21:
                    oid = rd(body, start, I)
                    cid = rd(body, start + I + 4, I)
                    lay = layouts.get(cid)
                    if lay is None:
                        lay = layouts[cid] = layout(cid)
                    data = start + 2 * I + 8
                    for off, fname in lay:
                        ref = rd(body, data + off, I)
                        if phase == 'strings' and cid == string_class and ref in byte_arrays:
                            strings[oid] = ref
                        elif phase == 'holders' and ref in targets:
                            what = 'String' if ref in strings else 'byte[]'
                            holder_objects[oid] = (fname, targets[ref])
                            if (fname, ref) in seen:
                                continue   # an array shared by several holders (Tomcat's MessageBytes) counts once
                            seen.add((fname, ref))
                            holders[(fname, what)] += 1
                            held_bytes[(fname, what)] += targets[ref]
                        elif phase == 'up' and ref in holder_objects:
                            key = (holder_objects[ref][0], fname)
                            up[key] += 1
                            up_bytes[key] += holder_objects[ref][1]
                elif sub == 0x22 and phase in ('holders', 'up'):
                    num = struct.unpack_from('>I', body, start + I + 4)[0]
                    array_class = cname.get(rd(body, start + I + 8, I), '?').replace('/', '.') + '[]'
                    p = start + 2 * I + 8
                    for k in range(num):
                        ref = rd(body, p + k * I, I)
                        if phase == 'holders' and ref in targets:
                            key = (array_class, 'String' if ref in strings else 'byte[]')
                            holders[key] += 1
                            held_bytes[key] += targets[ref]
                        elif phase == 'up' and ref in holder_objects:
                            key = (holder_objects[ref][0], array_class)
                            up[key] += 1
                            up_bytes[key] += holder_objects[ref][1]
        if phase == 'strings':
            for sid, aid in strings.items():
                targets[sid] = byte_arrays[aid]
    print('\nwho holds the byte arrays of at least %d bytes (directly, or the String whose value they are):' % min_bytes)
    for key, b in held_bytes.most_common(25):
        per = ' %8.2f KB per session' % (b / sessions / 1024) if sessions else ''
        print('  %10.1f KB %7d  %s  (%s)%s' % (b / 1024, holders[key], key[0], key[1], per))
    print('\nand one step further: the field that refers to the holding object')
    for key, b in up_bytes.most_common(25):
        per = ' %8.2f KB per session' % (b / sessions / 1024) if sessions else ''
        print('  %10.1f KB %7d  %s  <-  %s%s' % (b / 1024, up[key], key[0], key[1], per))


if __name__ == '__main__':
    main()
