package guides

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The fuzz targets run their seeds (below and in testdata/fuzz) as ordinary
// tests; `go test -fuzz FuzzX ./guides` explores further.

func FuzzParseFile(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: T\nsummary: S\nreviewed: 2026-01-02\n---\nBody [x](/y).\n",
		"---\ntitle: &a T\nsummary: *a\n---\n",
		"---\na: &a [*a,*a,*a]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n---\n",
		"---\ntags: {x: 1}\nsources: 3\n---\n",
		"---\n\x00\n---\n", "", "---", "---\n---\n", "\xef\xbb\xbf---\ntitle: x\n---\n",
		"---\ntitle: \"\\e[2J\"\n---\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data string) {
		g, probs := parseFile("f.md", "f.md", []byte(data))
		lines := strings.Count(data, "\n") + 1
		for _, p := range probs {
			if p.Line < 0 || p.Line > lines+1 {
				t.Errorf("problem on line %d of a %d-line file: %s", p.Line, lines, p)
			}
			if !safeText(p.Msg) {
				t.Errorf("unsafe problem text %q", p.Msg)
			}
		}
		if g == nil {
			if len(probs) == 0 {
				t.Error("guide rejected without a problem")
			}
			return
		}
		analyse(g)
		for _, s := range []string{g.Title, g.Summary, g.Slug, g.Body} {
			if !safeText(s) {
				t.Errorf("unsafe guide text %q", s)
			}
		}
	})
}

func FuzzLinks(f *testing.F) {
	for _, seed := range []string{
		"[a](/b) [c](d.md#e) [f](#g) <https://x.y> https://bare.example\n\n## G\n",
		"[unclosed](/x\n\n[nested [brackets]](/y)", "`[code](/z)` [ok](/w)",
		"[a](</with space>) [b](/c \"t(i)tle\") [c][ref]\n\n[ref]: /d\n",
		strings.Repeat("[", 200) + "x" + strings.Repeat("](/a)", 200),
		strings.Repeat("> ", 50) + "[deep](/x)",
	} {
		f.Add(seed)
	}
	lib := Load([]Dir{{FS: fstest.MapFS{"b.md": {Data: []byte("---\ntitle: B\nsummary: s\nreviewed: 2026-01-02\n---\n## E\n")}}, Name: "t"}}, Options{})
	f.Fuzz(func(t *testing.T, body string) {
		g := &Guide{Slug: "a", Body: Sanitize(body), BodyLine: 6}
		analyse(g)
		for _, l := range g.links {
			if l.End != 0 && (l.Start < 0 || l.Start > l.End || l.End > len(g.Body) || l.TextStart < l.Start || l.TextEnd > l.End || l.TextStart > l.TextEnd) {
				t.Fatalf("bad extent %+v in %q", l, g.Body)
			}
			_, _ = lib.Resolve(g, l.Dest) // must not panic
		}
		if len(g.links) > maxLinks {
			t.Errorf("%d links, over the %d limit", len(g.links), maxLinks)
		}
		md, _ := lib.Mark(lib.buildPage(g, true), MarkInline)
		if strings.Count(md, string(LinkStart)) != strings.Count(md, string(LinkEnd)) {
			t.Errorf("unbalanced link markers")
		}
	})
}

func FuzzAnchor(f *testing.F) {
	for _, seed := range []string{"In short", "Fees ($155)", "Équivalence", "日本語", "a--b", "  ", "\u202e"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, heading string) {
		a := Anchor(heading)
		if !utf8.ValidString(a) || strings.ContainsAny(a, " #/?\t\n") {
			t.Errorf("Anchor(%q) = %q", heading, a)
		}
		if Anchor(a) != a && utf8.ValidString(heading) {
			t.Errorf("Anchor is not stable: %q → %q → %q", heading, a, Anchor(a))
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, seed := range []string{"\x1b[2J", "\x1b]0;title\x07", "\x1b]52;c;aGk=\x07", "\x9b31m", "a\rb", "\u202eabc", "\xff\xfe", "ok"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !safeText(out) {
			t.Errorf("Sanitize(%q) = %q is not safe", s, out)
		}
		if Sanitize(out) != out {
			t.Errorf("Sanitize is not stable on %q", s)
		}
		if strings.ContainsAny(SanitizeLine(s), "\n\t") {
			t.Errorf("SanitizeLine(%q) kept a line break", s)
		}
	})
}

// safeText reports whether s can be printed without the terminal acting on
// it: valid UTF-8 with no control characters but newline and tab, and no
// bidirectional overrides.
func safeText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r):
			return false
		}
	}
	return true
}
