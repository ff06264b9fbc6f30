#!/usr/bin/env python3
"""What each signed-in session holds on its own, read from a heap dump: by class, by path, and by the page on screen.

    python3 bench/heap-sessions.py target/load/<time>/users-500/idle.hprof
    VIEW=ModuleEditorView python3 bench/heap-sessions.py idle.hprof              # one page's sessions, in detail
    VIEW=ModuleEditorView HELD='java.util.HashMap' UP=3 python3 bench/heap-sessions.py idle.hprof
                                                  # who refers to that page's HashMaps (UP fields up)

Every Tomcat session, Vaadin session and UI (tab) belongs to its own signed-in session. From them, an object reached
from one session only is that session's; one reached from two or more (the Spring context, shared texts) is
shared and counted for none. A session's share of the heap is then the sum of its own objects, sized as HotSpot
lays them out with compressed pointers (12-byte header, 4-byte references, 8-byte alignment), which is what a class
histogram counts. The "path" of an object is the chain of fields, at most three deep, by which it was first reached
from its session's tab or session; the page on screen is the view class the session holds. Uses heap-arrays.py's
reader (same directory); a dump of 250 MB takes about half a minute and a few GB of memory.
"""
import collections
import importlib.util
import os
import struct
import sys

spec = importlib.util.spec_from_file_location('heap_arrays', os.path.join(os.path.dirname(__file__), 'heap-arrays.py'))
heap_arrays = importlib.util.module_from_spec(spec)
spec.loader.exec_module(heap_arrays)

HOTSPOT_SIZES = {2: 4, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
PRIMITIVE_ARRAYS = {4: 'boolean[]', 5: 'char[]', 6: 'float[]', 7: 'double[]', 8: 'byte[]', 9: 'short[]',
                    10: 'int[]', 11: 'long[]'}
SHARED = -1
SESSION = 'org.apache.catalina.session.StandardSession'


def read(path):
    """Every object of the dump: id -> (class name, HotSpot size, [(field, referenced id)])."""
    rd = lambda b, o, n: int.from_bytes(b[o:o + n], 'big')
    names, class_name, supers, own_fields, records = {}, {}, {}, {}, []
    I = None
    for tag, body in heap_arrays.records(path):
        if tag == 'id_size':
            I = body
        elif tag == 0x01:
            names[rd(body, 0, I)] = body[I:].decode('utf-8', 'replace')
        elif tag == 0x02:
            class_name[rd(body, 4, I)] = rd(body, 8 + I, I)
        elif tag in (0x0C, 0x1C):
            for sub, start, _ in heap_arrays.heap_items(body, I):
                if sub == 0x20:
                    cid = rd(body, start, I)
                    supers[cid], own_fields[cid], _ = heap_arrays.class_dump(body, start, I)
                elif sub in (0x21, 0x22, 0x23):
                    records.append((sub, body, start))
    cname = {cid: names.get(nid, '?').replace('/', '.') for cid, nid in class_name.items()}
    layouts = {}

    def layout(cid):
        # In the dump an instance's fields come class first, then its superclasses'.
        refs, off, size, c = [], 0, 12, cid
        while c and c in own_fields:
            for nid, t in own_fields[c]:
                if t == 2:
                    refs.append((off, names.get(nid, '?')))
                off += I if t == 2 else heap_arrays.BASIC_SIZES[t]
                size += HOTSPOT_SIZES[t]
            c = supers.get(c)
        return refs, (size + 7) // 8 * 8

    objs = {}
    for sub, body, start in records:
        oid = rd(body, start, I)
        if sub == 0x21:
            cid = rd(body, start + I + 4, I)
            lay = layouts.get(cid) or layouts.setdefault(cid, layout(cid))
            data = start + 2 * I + 8
            objs[oid] = (cname.get(cid, '?'), lay[1], [(f, r) for off, f in lay[0] if (r := rd(body, data + off, I))])
        elif sub == 0x22:
            num = struct.unpack_from('>I', body, start + I + 4)[0]
            p = start + 2 * I + 8
            objs[oid] = (cname.get(rd(body, start + I + 8, I), '?'), (16 + 4 * num + 7) // 8 * 8,
                         [('[]', r) for k in range(num) if (r := rd(body, p + k * I, I))])
        else:
            num, t = struct.unpack_from('>IB', body, start + I + 4)
            objs[oid] = (PRIMITIVE_ARRAYS[t], (16 + num * HOTSPOT_SIZES[t] + 7) // 8 * 8, [])
    return objs


def field(objs, oid, name):
    return next((r for f, r in objs.get(oid, (None, 0, []))[2] if f == name), None)


def pins(objs):
    """Each Tomcat session, the Vaadin session in it and its tabs -> the Tomcat session they belong to."""
    pin = {o: o for o, v in objs.items() if v[0] == SESSION}
    facade = {o: field(objs, o, 'session') for o, v in objs.items()
              if v[0] == 'org.apache.catalina.session.StandardSessionFacade'}
    for o, v in objs.items():
        if v[0] == 'com.vaadin.flow.server.VaadinSession':
            http = field(objs, field(objs, o, 'session'), 'session')   # WrappedHttpSession -> the facade
            if facade.get(http, http) in pin:
                pin[o] = facade.get(http, http)
    for o, v in objs.items():
        if v[0] == 'com.vaadin.flow.component.UI':
            vaadin = field(objs, o, 'session') or field(objs, field(objs, o, 'internals'), 'session')
            if vaadin in pin:
                pin[o] = pin[vaadin]
    return pin


def own(objs, pin):
    """Who owns each reachable object (a session, or SHARED), the path it was reached by, and from where."""
    owner, path, parent = dict(pin), {o: objs[o][0].rsplit('.', 1)[-1] for o in pin}, {}
    work = collections.deque(pin)
    while work:
        o = work.popleft()
        mine = owner[o]
        for f, r in objs[o][2]:
            if r not in objs or r in pin:
                continue
            theirs = owner.get(r)
            if theirs is None:
                owner[r], parent[r] = mine, (o, f)
                path[r] = path[o] if path[o].count('.') >= 3 else path[o] + '.' + f
                work.append(r)
            elif theirs not in (mine, SHARED):
                owner[r] = SHARED
                work.append(r)
    return owner, path, parent


def main():
    objs = read(sys.argv[1])
    pin = pins(objs)
    owner, path, parent = own(objs, pin)
    sessions = [o for o in pin if pin[o] == o]
    n = len(sessions)
    by_class, count, by_path, total, view = (collections.Counter(), collections.Counter(), collections.Counter(),
                                             collections.Counter(), {})
    for o, s in owner.items():
        if s == SHARED:
            continue
        c, size, _ = objs[o]
        by_class[c] += size
        count[c] += 1
        by_path[path[o]] += size
        total[s] += size
        if c.startswith('org.encounter.') and c.endswith('View') and c.rsplit('.', 1)[-1] not in (
                'MarkdownView', 'StepView', 'AuthorView', 'CommentView', 'TransitionView'):
            view[s] = c.rsplit('.', 1)[-1]
    print('held by one session each: %.1f KB a session (%d sessions)' % (sum(total.values()) / n / 1024, n))
    print('\n-- by class (bytes and objects a session)')
    for c, b in by_class.most_common(30):
        print('%8.0f B %7.1f  %s' % (b / n, count[c] / n, c))
    print('\n-- by path from the session or its tab')
    for p, b in by_path.most_common(25):
        print('%8.0f B  %s' % (b / n, p))
    pages = collections.defaultdict(list)
    for s in sessions:
        pages[view.get(s, '?')].append(total[s] / 1024)
    print('\n-- by the page on screen')
    for v, kb in sorted(pages.items(), key=lambda item: -len(item[1])):
        print('%-26s %4d sessions  %6.1f KB each (%.1f-%.1f)' % (v, len(kb), sum(kb) / len(kb), min(kb), max(kb)))
    if os.environ.get('VIEW'):
        detail(objs, owner, path, parent, {s for s, v in view.items() if v == os.environ['VIEW']})


def detail(objs, owner, path, parent, those):
    page = os.environ['VIEW']
    by_path, by_class = collections.Counter(), collections.Counter()
    for o, s in owner.items():
        if s in those:
            by_path[path[o]] += objs[o][1]
            by_class[objs[o][0]] += objs[o][1]
    print('\n-- %s (%d sessions): by path' % (page, len(those)))
    for p, b in by_path.most_common(15):
        print('%8.0f B  %s' % (b / len(those), p))
    print('\n-- %s: by class' % page)
    for c, b in by_class.most_common(20):
        print('%8.0f B  %s' % (b / len(those), c))
    held = os.environ.get('HELD')
    if held:
        up = int(os.environ.get('UP', '2'))
        refs, size = collections.Counter(), collections.Counter()
        for o, s in owner.items():
            if s in those and objs[o][0] == held:
                chain, x = [], o
                for _ in range(up):
                    if x not in parent:
                        break
                    x, f = parent[x]
                    chain.append(objs[x][0].rsplit('.', 1)[-1] + '.' + f)
                refs[' <- '.join(chain)] += 1
                size[' <- '.join(chain)] += objs[o][1]
        print('\n-- %s in %s, by who refers to it' % (held, page))
        for k, b in size.most_common(20):
            print('%8.0f B %6.1f  %s' % (b / len(those), refs[k] / len(those), k))


if __name__ == '__main__':
    main()
