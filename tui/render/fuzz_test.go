package render

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
)

// fuzzGuide loads one guide with the given title and body, as a guide
// folder would give it.
func fuzzGuide(t *testing.T, title, body string) (*guides.Library, *guides.Guide) {
	t.Helper()
	head := "---\ntitle: " + yamlQuote(title) + "\nsummary: fuzz\nreviewed: 2026-01-01\n---\n"
	lib := guides.Load([]guides.Dir{{FS: fstest.MapFS{"fuzz-guide.md": {Data: []byte(head + body)}}, Name: "fuzz"}}, guides.Options{})
	g, ok := lib.Guide("fuzz-guide")
	if !ok {
		return nil, nil
	}
	return lib, g
}

// yamlQuote writes s as a double-quoted YAML string.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteString("\\x")
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hyperlinks matches OSC 8 hyperlinks, which every style draws.
var hyperlinks = regexp.MustCompile("\x1b]8;[^\x07\x1b]*(\x07|\x1b\\\\)")

// underlines are the SGR sequences the notty style draws: underline on, off.
var underlines = regexp.MustCompile(`\x1b\[(4|24|0)?m`)

var safetySeeds = []string{
	"## H &#27;[2J\n\nText &#x1b;]0;pwned&#7; &#155;31m &#x202E;x &NoBreak;f&ApplyFunction; &InvisibleTimes;\n",
	"| &#27;[8m | b |\n|---|---|\n| `&#27;[2J` | <span>&#27;]52;c;eA==&#7;</span> |\n",
	"<div>&#x1B;P+q544e&#x1b;\\</div>\n\n[t &#27;[2J](https://x.ca/&#27;[2J) <https://a.ca/&#7;>\n",
	"> [!IMPORTANT]\n> **Temporary measure**, until December 31, 2026 &#27;[2J\n\nCited.[^a] &amp;#27;[2J\n",
	"```\n\x1b[31m&#27;[2J\n```\n\n- a\x07\n  - b\u202e\n",
}

// FuzzStyledShow renders a guide the way styled `pathways show` prints it,
// and checks the output with the one definition of unsafe output.
func FuzzStyledShow(f *testing.F) {
	for _, s := range safetySeeds {
		f.Add("Title &#27;[2J", s)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		lib, g := fuzzGuide(t, title, body)
		if g == nil {
			return
		}
		r, err := New(lib, "dark", 60)
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Text(g)
		if err != nil {
			return
		}
		if what := Unsafe(out, true); what != "" {
			t.Fatalf("styled show printed %s", what)
		}
		if what := Unsafe(ansi.Strip(out), false); what != "" {
			t.Fatalf("styled show's text holds %s", what)
		}
	})
}

// FuzzReaderPage renders a guide's page as the reader shows it, in a style
// that draws no colours (so any escape but a hyperlink came from the guide)
// and in a coloured one: every line must pass the one definition of unsafe
// output.
func FuzzReaderPage(f *testing.F) {
	for _, s := range safetySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		lib, g := fuzzGuide(t, "Fuzz", body)
		if g == nil {
			return
		}
		for _, style := range []string{"notty", "dark"} {
			r, err := New(lib, style, 60)
			if err != nil {
				t.Fatal(err)
			}
			rd, err := r.Render(g)
			if err != nil {
				return
			}
			for i, line := range rd.Lines {
				if what := Unsafe(line, true); what != "" {
					t.Fatalf("%s line %d: %s", style, i, what)
				}
				// notty draws no colours: past its hyperlinks and the
				// underline of link text, no escape at all may remain.
				if what := Unsafe(underlines.ReplaceAllString(hyperlinks.ReplaceAllString(line, ""), ""), style == "dark"); what != "" {
					t.Fatalf("%s line %d: %s", style, i, what)
				}
				if strings.ContainsAny(rd.Plain[i], "\u2060\u2061\u2062") {
					t.Fatalf("%s line %d keeps a private marker: %q", style, i, rd.Plain[i])
				}
			}
		}
	})
}
