#!/usr/bin/env python3
# make-corpus.py: (re)writes the seed corpora corpus/<target>/seed-* and hostile-*
#
# Seeds are copies of small real files; hostile inputs are written here. Regression
# inputs found by fuzzing (regress-*) are added by hand and never touched by this script.
#
#   tests/fuzz/make-corpus.py        (from anywhere; paths are relative to this file)
#
# Copyright 2026 The Common Ground authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
CORPUS = os.path.join(HERE, 'corpus')


def target_dir(target):
    path = os.path.join(CORPUS, target)
    os.makedirs(path, exist_ok=True)
    for old in glob.glob(os.path.join(path, 'seed-*')) + glob.glob(os.path.join(path, 'hostile-*')):
        os.remove(old)
    return path


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(CORPUS, target, name), 'wb') as f:
        f.write(data)


def copy(target, src, name=None):
    shutil.copyfile(os.path.join(ROOT, src),
                    os.path.join(CORPUS, target, name or 'seed-' + os.path.basename(src)))


def read(src):
    with open(os.path.join(ROOT, src), 'rb') as f:
        return f.read()


DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
MB = 1024 * 1024


def hostile_xml(target, root, attrs, body):
    """The same attacks on the XML parsers, with @root as the document element."""
    valid = '%s<%s %s>%s</%s>\n' % (DECL, root, attrs, body, root)
    # Billion laughs: ten levels of ten references.
    ents = '<!ENTITY lol0 "lol">' + ''.join(
        '<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1)) * 10) for i in range(1, 10))
    write(target, 'hostile-billion-laughs.xml',
          '%s<!DOCTYPE %s [%s]>\n<%s %s>&lol9;%s</%s>\n' % (DECL, root, ents, root, attrs, body, root))
    # External entities: a local file and a URL.
    write(target, 'hostile-xxe-file.xml',
          '%s<!DOCTYPE %s [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<%s %s>&xxe;%s</%s>\n'
          % (DECL, root, root, attrs, body, root))
    write(target, 'hostile-xxe-external-dtd.xml',
          '%s<!DOCTYPE %s SYSTEM "http://127.0.0.1:9/evil.dtd">\n%s' % (DECL, root, valid[len(DECL):]))
    write(target, 'hostile-xxe-parameter-entity.xml',
          '%s<!DOCTYPE %s [<!ENTITY %% p SYSTEM "file:///etc/passwd"> %%p;]>\n%s'
          % (DECL, root, valid[len(DECL):]))
    # A DOCTYPE the byte search for "<!DOCTYPE" cannot see: UTF-7 and UTF-16.
    utf7_dtd = ('+ADw-!DOCTYPE %s +AFs-+ADw-!ENTITY lol0 +ACI-lol+ACI-+AD4-' % root +
                ''.join('+ADw-!ENTITY lol%d +ACI-%s+ACI-+AD4-' % (i, ('+ACY-lol%d+ADs-' % (i - 1)) * 10)
                        for i in range(1, 10)) + '+AF0-+AD4-\n')
    write(target, 'hostile-utf7-doctype.xml',
          '<?xml version="1.0" encoding="UTF-7"?>\n' + utf7_dtd +
          '<%s %s>&lol9;%s</%s>\n' % (root, attrs, body, root))
    write(target, 'hostile-utf7-xxe.xml',
          '<?xml version="1.0" encoding="UTF-7"?>\n+ADw-!DOCTYPE %s +AFs-+ADw-!ENTITY xxe SYSTEM '
          '+ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-\n<%s %s>&xxe;%s</%s>\n' % (root, root, attrs, body, root))
    write(target, 'hostile-utf16-doctype.xml',
          ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE %s [<!ENTITY a "b">]>\n' % root +
           valid[len(DECL):]).encode('utf-16'))
    write(target, 'hostile-utf16-valid.xml',
          ('<?xml version="1.0" encoding="UTF-16"?>\n' + valid[len(DECL):]).encode('utf-16'))
    write(target, 'hostile-latin1.xml',
          ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' +
           valid[len(DECL):].replace('="', '="\u00e9\u00ff', 1)).encode('latin-1'))
    # 100 000 nested elements, written compactly (never closed: the depth limit comes first).
    write(target, 'hostile-deep-nesting-100k.xml',
          '%s<%s %s>%s' % (DECL, root, attrs, '<a>' * 100000))
    # 300 nested, closed: just above libxml2's default depth limit of 256.
    write(target, 'hostile-deep-nesting-300-closed.xml',
          '%s<%s %s>%s%s%s</%s>\n' % (DECL, root, attrs, '<a>' * 300, '</a>' * 300, body, root))
    # A 1 MB attribute value on the document element, then a 1 MB unknown attribute.
    write(target, 'hostile-huge-attribute-1mb.xml',
          valid.replace('<%s ' % root, '<%s x="%s" ' % (root, 'A' * MB), 1))
    write(target, 'hostile-huge-comment-100k.xml',
          valid.replace('</%s>' % root, '<!-- %s --></%s>' % ('B' * 100000, root), 1))
    # Bytes that are not UTF-8, and NUL bytes, inside the first attribute value.
    def inject(payload):
        data = valid.encode()
        at = data.index(b'="', data.index(('<%s ' % root).encode())) + 2
        return data[:at] + payload + data[at:]
    write(target, 'hostile-invalid-utf8.xml', inject(b'\xff\xfe\xc3\x28'))
    write(target, 'hostile-overlong-utf8.xml', inject(b'\xc0\xbc\xe0\x80\xbc'))
    write(target, 'hostile-surrogate-utf8.xml', inject(b'\xed\xa0\x80'))
    write(target, 'hostile-beyond-unicode-utf8.xml', inject(b'\xf4\x90\x80\x80'))
    write(target, 'hostile-nul-byte.xml', inject(b'\x00'))
    write(target, 'hostile-nul-first.xml', b'\x00' + valid.encode())
    write(target, 'hostile-bom.xml', b'\xef\xbb\xbf' + valid.encode())
    write(target, 'hostile-empty.xml', b'')
    write(target, 'hostile-decl-only.xml', DECL)
    write(target, 'hostile-truncated.xml', valid[:len(valid) * 2 // 3])
    write(target, 'hostile-undefined-entity.xml', inject(b'&undefined;'))
    write(target, 'hostile-char-refs.xml', inject(b'&#0;&#xD800;&#x110000;&#65;&lt;'))
    write(target, 'hostile-cdata-pi.xml',
          valid.replace('</%s>' % root, '<![CDATA[<%s>]]><?pi x?></%s>' % (root, root), 1))
    write(target, 'hostile-namespaces.xml',
          valid.replace('<%s ' % root, '<x:%s xmlns:x="urn:x" x:id="1" ' % root, 1)
          .replace('</%s>' % root, '</x:%s>' % root))
    write(target, 'hostile-default-namespace.xml',
          valid.replace('<%s ' % root, '<%s xmlns="urn:evil" ' % root, 1))
    write(target, 'hostile-duplicate-attribute.xml',
          valid.replace('<%s ' % root, '<%s %s ' % (root, attrs.split(' ')[0]), 1))
    write(target, 'hostile-xinclude.xml',
          valid.replace('</%s>' % root,
                        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" '
                        'parse="text"/></%s>' % root, 1))
    write(target, 'hostile-two-roots.xml', valid + '<%s/>\n' % root)
    write(target, 'hostile-crlf.xml', valid.replace('\n', '\r\n'))
    write(target, 'hostile-many-attributes.xml',
          valid.replace('<%s ' % root, '<%s %s ' % (root, ' '.join('a%d="x"' % i for i in range(5000))), 1))


def profiles():
    t = 'fuzz-profile'
    target_dir(t)
    for name in ['SE', 'MZ', 'NA', 'SADC', 'EAC']:
        copy(t, 'data/policies/profiles/%s.xml' % name)
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests/data/mini/profiles/*.xml'))):
        copy(t, os.path.relpath(path, ROOT), 'seed-mini-' + os.path.basename(path))
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests/data/bad/*.xml'))):
        copy(t, os.path.relpath(path, ROOT), 'seed-bad-' + os.path.basename(path))

    head = ('<profile code="ZZ" kind="country" framework="ott" framework-version="2" '
            'reviewed="2026-01-01">\n')
    src = '<source title="t" url="https://example.org/" date="2020-01-01"/>'
    def profile(name, values, extra=''):
        write(t, name, DECL + head + extra + values + '</profile>\n')
    profile('seed-all-types.xml',
            '<value indicator="privacy.law" value="partial" confidence="high">%s</value>\n'
            '<value indicator="privacy.authority" value="yes" confidence="medium">%s</value>\n'
            '<value indicator="privacy.breach_hours" value="72" confidence="unverified"/>\n'
            '<value indicator="privacy.law" value="none" since="2010-01-01" confidence="unverified">'
            '<note> a  note </note></value>\n' % (src, src),
            '<name>Zed</name><inherits code="EU" since="2020-01-01"/><note>n</note>\n')
    write(t, 'seed-group.xml', DECL + head.replace('code="ZZ" kind="country"', 'code="EU" kind="group"') +
          '<inherits code="AU"/></profile>\n')
    profile('seed-inherits-self.xml', '', '<inherits code="ZZ"/>\n')
    profile('seed-numeric-edges.xml',
            '<value indicator="privacy.breach_hours" value="-0" confidence="unverified"/>\n'
            '<value indicator="privacy.consent_age" value="1e999" confidence="unverified"/>\n'
            '<value indicator="taxation.vat_rate" value="NaN" confidence="unverified"/>\n'
            '<value indicator="taxation.dst_rate" value="0x10" confidence="unverified"/>\n')
    profile('seed-duplicate-undated.xml',
            '<value indicator="privacy.authority" value="yes" confidence="unverified"/>\n' * 2)
    write(t, 'seed-huge-version.xml', DECL + head.replace('framework-version="2"',
          'framework-version="18446744073709551618"') + '</profile>\n')
    # Values the schema accepts after whitespace normalisation but the code compares raw
    # (confidence=" high ": see regress-*).
    write(t, 'hostile-kind-whitespace.xml', DECL + head.replace('kind="country"', 'kind=" group "') +
          '</profile>\n')
    profile('hostile-value-whitespace.xml',
            '<value indicator="privacy.authority" value=" yes " confidence="unverified"/>\n'
            '<value indicator="privacy.law" value="&#9;partial" confidence="unverified"/>\n')
    hostile_xml(t, 'profile',
                'code="ZZ" kind="country" framework="ott" framework-version="2" reviewed="2026-01-01"',
                '<value indicator="privacy.authority" value="yes" confidence="unverified"/>')


def frameworks():
    t = 'fuzz-framework'
    target_dir(t)
    copy(t, 'data/policies/framework.xml')
    copy(t, 'tests/data/mini/framework.xml', 'seed-mini-framework.xml')
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests/data/bad/*.xml'))):
        copy(t, os.path.relpath(path, ROOT), 'seed-bad-' + os.path.basename(path))

    def fw(name, dims, attrs='id="t" version="1" date="2026-01-01"'):
        write(t, name, '%s<framework %s><title>T</title>%s</framework>\n' % (DECL, attrs, dims))
    ind = ('<indicator id="%s" type="%s"%s><label>L</label><help>H</help>%s</indicator>')
    lv = '<level id="%s"><label>%s</label></level>'
    levels = '<levels polarity="descending">%s%s%s</levels>' % (lv % ('a', 'A'), lv % ('b', 'B'), lv % ('c', 'C'))
    all_types = ('<dimension id="d" weight="2"><label>D</label><help>h</help>' +
                 ind % ('d.o', 'ordinal', ' weight="0.5"', levels) +
                 ind % ('d.n', 'nominal', '', levels.replace(' polarity="descending"', '')) +
                 ind % ('d.b', 'binary', ' restrictive="no"', '') +
                 ind % ('d.a', 'asymmetric-binary', '', '') +
                 ind % ('d.x', 'numeric', ' min="0" max="100" unit="%" polarity="ascending"', '') +
                 '</dimension>')
    fw('seed-all-types.xml', all_types)
    fw('seed-duplicate-dimension.xml', all_types + all_types.replace('d.', 'e.'))
    fw('seed-duplicate-indicator.xml', all_types + all_types.replace('id="d"', 'id="e"'))
    fw('seed-duplicate-level.xml', all_types.replace(lv % ('b', 'B'), lv % ('a', 'B')))
    fw('seed-numeric-nan.xml', all_types.replace('min="0" max="100"', 'min="NaN" max="INF"'))
    fw('seed-numeric-empty-range.xml', all_types.replace('min="0" max="100"', 'min="5" max="5"'))
    fw('seed-weight-negative.xml', all_types.replace('weight="2"', 'weight="-1"'))
    fw('seed-weight-inf.xml', all_types.replace('weight="0.5"', 'weight="INF"'))
    fw('seed-weight-space.xml', all_types.replace('weight="0.5"', 'weight=" 0.5 "'))
    preset = ('<preset id="p"><label>P</label><help>H</help><weight ref="d" value="3"/>'
              '<weight ref="d.o" value="0"/><weight ref="d.x" value="1e-300"/></preset>')
    fw('seed-preset-unknown-ref.xml', preset.replace('ref="d.x"', 'ref="nowhere"') + all_types)
    fw('seed-presets.xml', preset + preset.replace('id="p"', 'id="q"') + all_types)
    fw('seed-preset-duplicate.xml', preset + preset + all_types)
    fw('seed-preset-negative.xml', preset.replace('value="3"', 'value="-3"') + all_types)
    fw('seed-preset-nan.xml', preset.replace('value="3"', 'value="NaN"') + all_types)
    fw('seed-version-zero.xml', all_types, 'id="t" version="0" date="2026-01-01"')
    fw('seed-version-huge.xml', all_types, 'id="t" version="4294967296" date="2026-01-01"')
    # Values the schema accepts after whitespace normalisation but the code compares raw.
    fw('hostile-polarity-whitespace.xml', all_types.replace('polarity="descending"', 'polarity=" descending"')
       .replace('restrictive="no"', 'restrictive=" yes "'))
    hostile_xml(t, 'framework', 'id="t" version="1" date="2026-01-01"', '<title>T</title>' + all_types)


def member_states():
    t = 'fuzz-member-states'
    target_dir(t)
    copy(t, 'data/policies/member-states.xml')
    for path in sorted(glob.glob(os.path.join(ROOT, 'tests/data/bad/*.xml')))[:4]:
        copy(t, os.path.relpath(path, ROOT), 'seed-bad-' + os.path.basename(path))

    def ms(name, body, count='3'):
        write(t, name, '%s<member-states reviewed="2026-01-01" count="%s"><source title="s"/>'
              '<note>n</note><region id="africa" name="Africa"><source title="r"/></region>'
              '<region id="europe" name="Europe"/>%s</member-states>\n' % (DECL, count, body))
    group = ('<group id="EAC" kind="economic" name="East African Community"><source title="g"/>'
             '<member code="KE" since="2000"/><member code="TZ" since="2000-07-07" until="2020"/>'
             '<member code="UG" suspended="2019-01-01"><note>n</note></member></group>')
    states = ('<state code="KE" region="africa"/><state code="TZ" region="africa"/>'
              '<state code="FR" region="europe"><note>n</note></state>')
    ms('seed-small.xml', group + states)
    ms('seed-count-mismatch.xml', group + states, '194')
    ms('seed-count-huge.xml', group + states, '18446744073709551619')
    ms('seed-duplicate-state.xml', group + states + '<state code="KE" region="africa"/>', '4')
    ms('seed-unknown-code.xml', group + states.replace('FR', 'ZZ'))
    ms('seed-region-whitespace.xml', group + states.replace('region="europe"', 'region=" europe "'))
    hostile_xml(t, 'member-states', 'reviewed="2026-01-01" count="1"',
                '<source title="s"/><region id="africa" name="A"/><state code="KE" region="africa"/>')


CODEBOOK = 'id,label,type,n_levels,levels,min,max,unit,decimals,weight\n'


def spreadsheets():
    t = 'fuzz-spreadsheet'
    target_dir(t)
    for d in ['n30_m20', 'n30_m20_edge', 'n40_m6_ties']:
        base = 'tests/data/gower/%s/' % d
        write(t, 'seed-gower-%s.csv' % d, read(base + 'dataset.codebook.csv') + b'\0' + read(base + 'dataset.csv'))

    def ss(name, codebook, data):
        write(t, name, (codebook.encode() if isinstance(codebook, str) else codebook) + b'\0' +
              (data.encode() if isinstance(data, str) else data))
    cb = CODEBOOK + ('o,Ordinal,ordinal,3,low|mid|high,,,,,2\n'
                     'n,"Nominal, quoted",nominal,,A|B,,,,,\n'
                     'b,Binary,binary,,,,,,,0.5\n'
                     'a,Asym,asymm_binary,,,,,,,\n'
                     'x,Number,numeric,,,0,100,%,1,1\n')
    data = 'country,o,n,b,a,x\nAA,1,A,0,1,50\nBB,3,B,1,NA,\n"C,C",2,,0,0,100\n'
    ss('seed-all-types.csv', cb, data)
    ss('seed-crlf-bom.csv', '\ufeff' + cb.replace('\n', '\r\n'), '\ufeff' + data.replace('\n', '\r\n'))
    ss('seed-header-only.csv', cb, 'country,o,n,b,a,x\n')
    ss('seed-blank-lines.csv', cb.replace('\n', '\n\n'), data.replace('\n', '\n\n,\n'))
    ss('seed-codebook-only.csv', cb, '')
    write(t, 'seed-no-separator.csv', cb)
    ss('seed-duplicate-column.csv', CODEBOOK + 'o,O,ordinal,,a|b,,,,,\np,P,binary,,,,,,,\n',
       'country,o,o\nAA,1,2\n')
    ss('seed-duplicate-country.csv', cb, data + 'AA,1,A,0,1,50\n')
    ss('seed-duplicate-indicator.csv', cb + 'o,Again,binary,,,,,,,\n', data)
    ss('seed-duplicate-level.csv', CODEBOOK + 'o,O,ordinal,2,a|a,,,,,\n', 'country,o\nAA,1\n')
    ss('seed-nlevels-mismatch.csv', CODEBOOK + 'o,O,ordinal,5,a|b,,,,,\n', 'country,o\nAA,1\n')
    ss('seed-nlevels-nan.csv', CODEBOOK + 'o,O,ordinal,nan,a|b,,,,,\n', 'country,o\nAA,1\n')
    ss('seed-one-level.csv', CODEBOOK + 'o,O,nominal,1,a,,,,,\n', 'country,o\nAA,a\n')
    ss('seed-empty-level.csv', CODEBOOK + 'o,O,nominal,,|,,,,,\n', 'country,o\nAA,\n')
    ss('seed-numeric-bad-range.csv', CODEBOOK + 'x,X,numeric,,,5,1,,,\n', 'country,x\nAA,3\n')
    ss('seed-numeric-inf.csv', CODEBOOK + 'x,X,numeric,,,-inf,1e999,,,\n', 'country,x\nAA,3\n')
    ss('seed-cell-edges.csv', cb, 'country,o,n,b,a,x\nAA,1.0,a,2,-0,1e2\nBB,0,A,01,1,0x10\nCC,4,A,1,1,nan\n')
    ss('seed-weight-negative.csv', cb.replace(',,,,,2\n', ',,,,,-2\n'), data)
    ss('seed-weight-nan.csv', cb.replace(',,,,,2\n', ',,,,,nan\n'), data)
    ss('seed-unknown-type.csv', CODEBOOK + 'o,O,asymmetric-binary,,,,,,,\n', 'country,o\nAA,1\n')
    ss('seed-bad-header.csv', 'id,label,type\n', 'country\n')
    ss('seed-country-not-first.csv', cb, 'o,country\n1,AA\n')
    ss('seed-empty-country.csv', cb, 'country,o,n,b,a,x\n,1,A,0,1,50\n')
    ss('seed-empty-id.csv', CODEBOOK + ',Empty,binary,,,,,,,\n', 'country,\nAA,1\n')
    # Hostile CSV.
    ss('hostile-huge-field-1mb.csv', cb, data.replace('AA', 'A' * MB, 1))
    ss('hostile-huge-quoted-field-256k.csv', cb.replace('"Nominal, quoted"', '"%s"' % ('""' * (MB // 8))), data)
    ss('hostile-many-columns.csv', CODEBOOK + ''.join('i%d,I,binary,,,,,,,\n' % i for i in range(2000)),
       'country,' + ','.join('i%d' % i for i in range(2000)) + '\nAA,' + ','.join('1' for _ in range(2000)) + '\n')
    ss('hostile-many-empty-columns.csv', cb, 'country' + ',' * 100000 + '\n')
    ss('hostile-ragged-rows.csv', cb, 'country,o,n,b,a,x\nAA,1\nBB,1,A,0,1,50,extra,more\n')
    ss('hostile-ragged-codebook.csv', CODEBOOK + 'o,O,ordinal,2,a|b\nx,X,numeric,,,0,1,,,,,,,\n', data)
    ss('hostile-unclosed-quote-data.csv', cb, data + '"DD,1,A,0,1,50\n')
    ss('hostile-unclosed-quote-codebook.csv', cb + '"never closed,\n', data)
    ss('hostile-quote-at-end.csv', cb, data + '"')
    ss('hostile-text-after-quote.csv', cb, data.replace('"C,C"', '"C"C'))
    ss('hostile-quote-in-unquoted.csv', cb, data.replace('AA', 'A"A'))
    ss('hostile-multiline-quoted.csv', cb, data.replace('"C,C"', '"C\nC\r\n"'))
    ss('hostile-lone-cr.csv', cb.replace('\n', '\r'), data.replace('\n', '\r'))
    ss('hostile-invalid-utf8.csv', cb, data.encode().replace(b'AA', b'A\xff\xc0\xaf'))
    ss('hostile-invalid-utf8-codebook.csv', cb.encode().replace(b'Ordinal', b'Ord\xed\xa0\x80'), data)
    ss('hostile-nul-in-data.csv', cb, data.encode().replace(b'BB', b'B\0B'))
    ss('hostile-bom-only.csv', '\ufeff', '\ufeff')
    ss('hostile-bom-twice.csv', '\ufeff\ufeff' + cb, data)
    ss('hostile-spaces.csv', cb.replace(',', ' , '), data.replace(',', ' ,\t'))
    ss('hostile-many-rows.csv', cb, 'country,o,n,b,a,x\n' + ''.join('C%d,1,A,0,1,1\n' % i for i in range(5000)))


def weights():
    t = 'fuzz-weights'
    target_dir(t)
    write(t, 'seed-valid.csv', 'id,weight\nprivacy,2\nprivacy.law,0.5\ntaxation,0\n')
    write(t, 'seed-comments-blank.csv', '# a preset\n\nid,weight\n  licensing , 1.5 \n\n# end\r\n')
    write(t, 'seed-no-header.csv', 'security,3\nconsumer.accessibility,0\n')
    write(t, 'seed-header-later.csv', 'privacy,1\nid,weight\n')
    write(t, 'seed-all-zero.csv', 'id,weight\n' + ''.join(
        '%s,0\n' % d for d in ['licensing', 'privacy', 'competition', 'taxation', 'security', 'consumer',
                               'content', 'infrastructure']))
    write(t, 'seed-negative.csv', 'id,weight\nprivacy,-1\n')
    write(t, 'seed-negative-zero.csv', 'id,weight\nprivacy,-0\n')
    write(t, 'seed-nan-inf.csv', 'id,weight\nprivacy,nan\n')
    write(t, 'seed-inf.csv', 'id,weight\nprivacy,inf\n')
    write(t, 'seed-overflow-sum.csv', 'id,weight\n' + ''.join(
        '%s,1.7e308\n' % d for d in ['licensing', 'privacy', 'competition', 'taxation']))
    write(t, 'seed-denormal.csv', 'id,weight\nprivacy,4.9e-324\nlicensing,0\ncompetition,0\ntaxation,0\n'
          'security,0\nconsumer,0\n')
    write(t, 'seed-hex-number.csv', 'id,weight\nprivacy,0x1p3\n')
    write(t, 'seed-unknown-id.csv', 'id,weight\nnot.an.indicator,1\n')
    write(t, 'seed-empty-id.csv', 'id,weight\n,1\n')
    write(t, 'seed-empty-weight.csv', 'id,weight\nprivacy,\n')
    write(t, 'seed-duplicate.csv', 'id,weight\nprivacy,1\nprivacy,2\n')
    write(t, 'seed-empty.csv', '')
    write(t, 'hostile-huge-field-1mb.csv', 'id,weight\n%s,1\n' % ('p' * MB))
    write(t, 'hostile-huge-number-100k.csv', 'id,weight\nprivacy,%s\n' % ('9' * 100000))
    write(t, 'hostile-ragged.csv', 'id,weight\nprivacy\nprivacy,1,2\n')
    write(t, 'hostile-only-commas.csv', ',,,,,\n,\n')
    write(t, 'hostile-quoted.csv', 'id,weight\n"privacy",1\n"privacy,law",2\n"never closed\n')
    write(t, 'hostile-invalid-utf8.csv', b'id,weight\nprivacy,1\n\xff\xfe,2\n')
    write(t, 'hostile-nul-byte.csv', b'id,weight\nprivacy,1\0garbage\n')
    write(t, 'hostile-nul-first.csv', b'\0id,weight\n')
    write(t, 'hostile-crlf-bom.csv', '\ufeffid,weight\r\nprivacy,2\r\n')
    write(t, 'hostile-lone-cr.csv', 'id,weight\rprivacy,2\r')
    write(t, 'hostile-many-lines.csv', 'id,weight\n' + 'privacy,1\n' * 20000)


if __name__ == '__main__':
    profiles()
    frameworks()
    member_states()
    spreadsheets()
    weights()
