#!/usr/bin/env python3
"""People typing through the load balancer, each followed on their own: the probe of bench/cluster.sh.

Each person signs in through the real /login form, starts (or continues) the first module in the catalogue, walks
to its first reflection and then, until STOP_FILE exists, types a few words into the reflection (Vaadin's own
message: an mSync of the text area's value, which the page autosaves), waits for the page to say "saved", goes to
My learning and back, and thinks for a while. It speaks the UIDL protocol of Vaadin 25 at the level of the browser's
client (GET /?v-r=init, POST /?v-r=uidl), with the cookies a browser keeps, including HAProxy's SERVERID.

Written per person (JSON lines in OUT): which node served them (SERVERID), every request's outcome, the text the page
last confirmed as saved, and, when a request fails, what the person would see next: if the node's session is gone,
a reload lands on /login (asked to sign in again); they sign in, open the attempt again and the probe compares the
reflection the page shows with the last text confirmed as saved (lost nothing) before typing on.

Usage: cluster-probe.py BASE_URL PEOPLE(comma-separated e-mails) PASSWORD OUT STOP_FILE
"""
import http.cookiejar
import json
import random
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BASE, PEOPLE, PASSWORD, OUT, STOP = sys.argv[1].rstrip('/'), sys.argv[2].split(','), sys.argv[3], sys.argv[4], sys.argv[5]
THINK = float(__import__('os').environ.get('PROBE_THINK', '3'))
lock = threading.Lock()
out = open(OUT, 'a', buffering=1)


def record(**kw):
    kw['t'] = round(time.time(), 3)
    with lock:
        out.write(json.dumps(kw) + '\n')


def stopped():
    import os
    return os.path.exists(STOP)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


class Ui:
    """The state tree one tab holds: enough to find a button by its text or a field by its id."""

    def __init__(self):
        self.nodes, self.ui_id, self.csrf, self.sync_id, self.client_id, self.history = {}, -1, None, -1, 0, 0

    def node(self, i):
        return self.nodes.setdefault(i, {'tag': None, 'attrs': {}, 'props': {}, 'listeners': {}, 'kids': [],
                                         'text': None})

    def apply(self, uidl):
        meta = uidl.get('meta', {})
        if 'appError' in meta:
            raise RuntimeError('appError ' + json.dumps(meta['appError'])[:200])
        if meta.get('sessionExpired'):
            raise RuntimeError('sessionExpired')
        if 'syncId' in uidl:
            if uidl['syncId'] == -1:
                raise RuntimeError('syncId -1')
            self.sync_id = uidl['syncId']
        if 'clientId' in uidl:
            self.client_id = uidl['clientId']
        for c in uidl.get('changes', []):
            n, typ, feat = c.get('node'), c.get('type'), c.get('feat')
            if typ == 'detach':
                self.nodes.pop(n, None)
            elif typ == 'put':
                node, key = self.node(n), c.get('key')
                val = c.get('value')
                if feat == 0 and key == 'tag':
                    node['tag'] = val
                elif feat == 1:
                    node['props'][key] = val
                elif feat == 3:
                    node['attrs'][key] = val
                elif feat == 4:
                    node['listeners'][key] = val
                elif feat == 7 and key == 'text':
                    node['text'] = val
            elif typ == 'remove':
                node = self.nodes.get(n)
                if node:
                    node['props' if feat == 1 else 'attrs'].pop(c.get('key'), None)
            elif typ == 'splice' and feat in (2, 24):
                kids = self.node(n)['kids']
                idx, rem = c.get('index', 0), c.get('remove', 0)
                del kids[idx:idx + rem]
                kids[idx:idx] = c.get('addNodes', [])
            elif typ == 'clear' and feat in (2, 24):
                self.node(n)['kids'] = []

    def attached(self):
        seen, stack, res = set(), [1], []
        while stack:
            i = stack.pop()
            if i in seen or i not in self.nodes:
                continue
            seen.add(i)
            res.append(i)
            stack.extend(self.nodes[i]['kids'])
        return res

    def text(self, i, depth=0):
        n = self.nodes.get(i)
        if not n or depth > 40:
            return ''
        return ' '.join(filter(None, [n['text'] or ''] + [self.text(k, depth + 1) for k in n['kids']])).strip()

    def by_id(self, id_):
        return next((i for i in self.attached() if self.nodes[i]['attrs'].get('id') == id_), None)

    def button(self, pattern):
        for i in self.attached():
            n = self.nodes[i]
            if n['tag'] == 'vaadin-button' and re.search(pattern, self.text(i), re.I) and not n['props'].get('disabled'):
                return i
        return None

    def has_tag(self, tag):
        return any(self.nodes[i]['tag'] == tag for i in self.attached())

    def message(self, rpc):
        m = {'csrfToken': self.csrf, 'rpc': rpc, 'syncId': self.sync_id, 'clientId': self.client_id}
        self.client_id += 1
        return json.dumps(m).encode()


class Person:
    def __init__(self, email):
        self.email, self.jar = email, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.ui, self.attempt, self.saved, self.typed = None, None, None, ''

    def server(self):
        return next((c.value for c in self.jar if c.name == 'SERVERID'), None)

    def http(self, method, path, body=None, ctype=None):
        req = urllib.request.Request(BASE + path, data=body, method=method)
        if ctype:
            req.add_header('Content-Type', ctype)
        t0 = time.time()
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, r.headers, r.read().decode('utf-8', 'replace'), time.time() - t0
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode('utf-8', 'replace'), time.time() - t0

    def step(self, what, fn):
        """One thing the person does; its outcome is recorded with the node that served it."""
        node = self.server()
        t0 = time.time()
        try:
            detail = fn()
            record(who=self.email, node=node, what=what, ok=True, ms=round((time.time() - t0) * 1000), detail=detail)
            return True
        except Exception as e:  # noqa: BLE001 - every failure is an outcome to record
            record(who=self.email, node=node, what=what, ok=False, ms=round((time.time() - t0) * 1000),
                   error=f'{type(e).__name__}: {e}'[:300])
            return False

    def sign_in(self):
        status, _, body, _ = self.http('GET', '/login')
        token = re.search(r'name="_csrf" content="([^"]+)"', body)
        if status != 200 or not token:
            raise RuntimeError(f'login page {status}')
        data = urllib.parse.urlencode({'username': self.email, 'password': PASSWORD, '_csrf': token.group(1)}).encode()
        status, headers, _, _ = self.http('POST', '/login', data, 'application/x-www-form-urlencoded')
        if status != 302 or 'error' in (headers.get('Location') or ''):
            raise RuntimeError(f'sign-in answered {status} {headers.get("Location")}')
        return 'signed in'

    def signed_in(self):
        """What a reload shows: a page of the app, or the sign-in form."""
        status, headers, _, _ = self.http('GET', '/learn/mine')
        if status == 302 and '/login' in (headers.get('Location') or ''):
            return False
        if status != 200:
            raise RuntimeError(f'reload answered {status}')
        return True

    def init(self, location):
        """A new tab: the bootstrap of an empty UI, then the router's navigation to the address."""
        status, _, body, _ = self.http('GET', '/?v-r=init&location=&query=')
        if status != 200:
            raise RuntimeError(f'init answered {status}')
        config = json.loads(body)['appConfig']
        self.ui = Ui()
        self.ui.ui_id = config['v-uiId']
        self.ui.csrf = config['uidl']['Vaadin-Security-Key']
        self.ui.apply(config['uidl'])
        self.navigate(location)
        if self.ui.has_tag('vaadin-login-overlay') or self.ui.has_tag('vaadin-login-form'):
            raise RuntimeError('init showed the sign-in form')

    def uidl(self, rpc):
        status, _, body, _ = self.http('POST', f'/?v-r=uidl&v-uiId={self.ui.ui_id}', self.ui.message(rpc),
                                       'application/json; charset=UTF-8')
        if status != 200:
            raise RuntimeError(f'uidl answered {status}')
        try:
            answer = json.loads(body[8:] if body.startswith('for(;;);') else body)
        except ValueError:
            raise RuntimeError('uidl answered no UIDL: ' + body[:120]) from None
        moved = re.search(r'learn/attempt/(\d+)', body)
        if moved and not self.attempt:
            self.attempt = moved.group(1)
        self.ui.apply(answer[0] if isinstance(answer, list) else answer)

    def click(self, node):
        self.uidl([{'type': 'event', 'node': node, 'event': 'click',
                    'data': {'event.shiftKey': False, 'event.metaKey': False, 'event.detail': 1, 'event.ctrlKey': False,
                             'event.clientX': 10, 'event.clientY': 10, 'event.altKey': False, 'event.button': 0,
                             'event.screenY': 10, 'event.screenX': 10}}])

    def navigate(self, route):
        self.ui.history += 1
        self.uidl([{'type': 'event', 'node': 1, 'event': 'ui-navigate',
                    'data': {'route': route, 'query': '', 'appShellTitle': '', 'historyState': {'idx': self.ui.history},
                             'trigger': ''}}])

    def open_reflection(self):
        """The first module's first reflection, as the person would reach it; returns the text the page shows."""
        if self.attempt:
            self.init('learn/attempt/' + self.attempt)
        else:
            self.init('learn')
            start = self.ui.button(r'^(Start|Aloita|Börja)$') or self.ui.button(r'^(Continue|Jatka|Fortsätt)$')
            if start is None:
                raise RuntimeError('no Start or Continue in the catalogue')
            self.click(start)
        # Forward to the first reflection; a step that wants an answer first (a perspective check) turns us back.
        direction, last = 'player-next', None
        for _ in range(16):
            area = self.ui.by_id('player-reflection')
            if area is not None:
                return self.ui.nodes[area]['props'].get('value') or ''
            where = self.ui.by_id('player-position')
            here = self.ui.text(where) if where is not None else None
            if here == last and direction == 'player-next':
                direction = 'player-back'
            last = here
            button = self.ui.by_id(direction)
            if button is None:
                raise RuntimeError('no reflection reachable on the page')
            self.click(button)
        raise RuntimeError('no reflection within 16 steps')

    def type_some(self):
        area = self.ui.by_id('player-reflection')
        if area is None:
            raise RuntimeError('reflection gone from the page')
        self.typed += random.choice(['I listened. ', 'We agreed a plan. ', 'Next time I ask first. ', 'It worked. '])
        rpc = [{'type': 'mSync', 'node': area, 'feature': 1, 'property': 'value', 'value': self.typed}]
        rpc += [{'type': 'event', 'node': area, 'event': e, 'data': {}} for e in ('value-changed', 'change')
                if e in self.ui.nodes[area]['listeners']]
        self.uidl(rpc)
        state = next((self.ui.nodes[i]['attrs'].get('data-state') for i in self.ui.attached()
                      if 'data-state' in self.ui.nodes[i]['attrs']), None)
        if state and state.upper() != 'SAVED':
            raise RuntimeError('page says ' + state)
        self.saved = self.typed
        return f'saved {len(self.typed)} chars'

    def walk(self):
        if not self.step('sign in', self.sign_in):
            return
        shown = {}
        if not self.step('open reflection', lambda: shown.setdefault('v', self.open_reflection()) and 'opened'
                         or 'opened'):
            return
        self.typed = shown.get('v', '')
        # Reopening goes through the catalogue's Continue, as a person who lost their tab would.
        while not stopped():
            time.sleep(random.uniform(THINK * 0.5, THINK * 1.5))
            ok = self.step('type', self.type_some)
            ok = ok and self.step('my learning', lambda: self.navigate('learn/mine') or 'ok')
            ok = ok and self.step('back to module', lambda: (self.open_reflection(), 'ok')[1])
            if not ok:
                self.recover()
        record(who=self.email, node=self.server(), what='final', ok=True, attempt=self.attempt, saved=self.saved)

    def recover(self):
        """After a failure: reload as a browser would; sign in again if asked; check nothing saved was lost."""
        while not stopped():
            try:
                if self.signed_in():
                    record(who=self.email, node=self.server(), what='reload', ok=True, detail='still signed in')
                else:
                    record(who=self.email, node=self.server(), what='reload', ok=True, detail='asked to sign in')
                    self.sign_in()
                    record(who=self.email, node=self.server(), what='sign in again', ok=True, detail='signed in')
                shown = self.open_reflection()
                record(who=self.email, node=self.server(), what='reopen', ok=True,
                       detail='saved text intact' if shown == (self.saved or shown) else 'saved text differs',
                       saved_len=len(self.saved or ''), shown_len=len(shown), intact=shown == (self.saved or shown))
                self.typed = shown
                return
            except Exception as e:  # noqa: BLE001
                record(who=self.email, node=self.server(), what='recover', ok=False, error=str(e)[:300])
                time.sleep(2)


threads = []
for i, email in enumerate(PEOPLE):
    p = Person(email)
    t = threading.Thread(target=p.walk, daemon=True)
    t.start()
    threads.append(t)
    time.sleep(0.3)
for t in threads:
    t.join()
