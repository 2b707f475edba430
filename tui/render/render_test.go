package render

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
)

// TestRenderedLinksSitOnTheirText checks, for every embedded guide, that each
// link the reader can focus is found on screen exactly where its text is,
// in reading order, and that no marker leaks into the output.
func TestRenderedLinksSitOnTheirText(t *testing.T) {
	lib := guides.LoadEmbedded()
	for _, style := range []string{"dark", "notty"} {
		r, err := New(lib, style, 80)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range lib.Guides() {
			doc, err := r.Render(g)
			if err != nil {
				t.Fatalf("%s: %v", g.Slug, err)
			}
			marked := 0
			for _, l := range doc.Page.Links() {
				if l.End > 0 {
					marked++
				}
			}
			if len(doc.Links) != marked {
				t.Errorf("%s/%s: %d links on screen, %d in the page", style, g.Slug, len(doc.Links), marked)
			}
			prevLine, prevCol := -1, -1
			for _, spot := range doc.Links {
				if spot.Line < prevLine || spot.Line == prevLine && spot.Col < prevCol {
					t.Errorf("%s: links out of reading order at line %d", g.Slug, spot.Line)
				}
				prevLine, prevCol = spot.Line, spot.Col
				link := doc.Page.Links()[spot.Link]
				var onScreen string
				if spot.Line == spot.EndLine {
					onScreen = ansi.Cut(doc.Plain[spot.Line], spot.Col, spot.EndCol)
				} else {
					onScreen = ansi.Cut(doc.Plain[spot.Line], spot.Col, 1<<20)
				}
				shown := strings.TrimSpace(onScreen)
				first := strings.Fields(link.Text)
				// A link wrapped over two lines shows its start here.
				if len(first) > 0 && !strings.HasPrefix(shown, first[0]) && (shown == "" || !strings.HasPrefix(link.Text, shown)) {
					t.Errorf("%s: link %q shows as %q", g.Slug, link.Text, onScreen)
				}
			}
			if len(doc.Headings) != len(doc.Page.Headings()) {
				t.Errorf("%s: %d headings on screen, %d in the page", g.Slug, len(doc.Headings), len(doc.Page.Headings()))
			}
			for _, h := range doc.Headings {
				text := doc.Page.Headings()[h.Heading].Text
				if !strings.Contains(doc.Plain[h.Line], strings.Fields(text)[0]) {
					t.Errorf("%s: heading %q not on line %d (%q)", g.Slug, text, h.Line, doc.Plain[h.Line])
				}
			}
			for i, line := range doc.Lines {
				if strings.ContainsAny(line, markerRunes) {
					t.Fatalf("%s: marker left on line %d", g.Slug, i)
				}
				if strings.Contains(doc.Plain[i], "](") {
					t.Errorf("%s: raw link syntax on line %d: %q", g.Slug, i, doc.Plain[i])
				}
				if w := ansi.StringWidth(line); w > 80 {
					t.Errorf("%s: line %d is %d cells wide at width 80", g.Slug, i, w)
				}
			}
		}
	}
}

func TestTrimPadding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain   ", "plain"},
		{"\x1b[1mbold\x1b[0m\x1b[38;5;252m   \x1b[0m", "\x1b[1mbold\x1b[m"},
		{"   ", ""},
		{"no padding", "no padding"},
	}
	for _, tt := range tests {
		if got := TrimPadding(tt.in); got != tt.want {
			t.Errorf("TrimPadding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStyledOutputIsCompact holds rendered lines to at most three times the
// size of their text, so padding does not swamp the terminal.
func TestStyledOutputIsCompact(t *testing.T) {
	lib := guides.LoadEmbedded()
	r, _ := New(lib, "dark", 80)
	g, _ := lib.Guide("lmia-work-permit-canada")
	doc, err := r.Render(g)
	if err != nil {
		t.Fatal(err)
	}
	styled, plain := 0, 0
	for i := range doc.Lines {
		styled += len(doc.Lines[i])
		plain += len(doc.Plain[i])
	}
	if styled > 3*plain {
		t.Errorf("styled output is %d bytes for %d bytes of text (over 3×)", styled, plain)
	}
}

// nonASCIIMarks returns the runes of s outside ASCII that are not letters:
// under --style ascii, the only ones left should be words (é, 加).
func nonASCIIMarks(s string) string {
	var out []rune
	for _, r := range s {
		if r > unicode.MaxASCII && !unicode.IsLetter(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// TestASCIIStyleIsASCII: show --style ascii of every embedded guide draws
// its rules, bullets, separators and punctuation in ASCII.
func TestASCIIStyleIsASCII(t *testing.T) {
	lib := guides.LoadEmbedded()
	r, err := New(lib, "ascii", 80)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range lib.Guides() {
		out, err := r.Text(g)
		if err != nil {
			t.Fatal(err)
		}
		if marks := nonASCIIMarks(out); marks != "" {
			t.Errorf("%s in ascii style draws %q", g.Slug, marks)
		}
	}
	if got := ASCII("a ─│▌•·…›→ b"); got != "a -|>*-.>> b" {
		t.Errorf("ASCII folds to %q", got)
	}
}

// TestTextLinksWrapWhenStyled checks the links block at the end of Text:
// styled, each address is wrapped at the width under its number, so a
// terminal does not fold it back to the first column; plain (for pipes
// and files), each stays whole on one line for scripts and copying.
func TestTextLinksWrapWhenStyled(t *testing.T) {
	lib := guides.LoadEmbedded()
	g, _ := lib.Guide("lmia-work-permit-canada")
	const width = 60
	for _, style := range []string{"dark", "notty"} {
		r, err := New(lib, style, width)
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Text(g)
		if err != nil {
			t.Fatal(err)
		}
		_, links, ok := strings.Cut(ansi.Strip(out), "\n  Links\n")
		if !ok {
			t.Fatalf("%s: no links block", style)
		}
		lines := strings.Split(strings.TrimRight(links, "\n"), "\n")
		long, joined := false, ""
		for _, l := range lines {
			w := ansi.StringWidth(l)
			long = long || w > width
			if style == "dark" && w > width {
				t.Errorf("%s: links line %d cells wide at width %d: %q", style, w, width, l)
			}
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "L") {
				joined += "\n" + l
			} else {
				joined += l
			}
		}
		if style == "notty" && !long {
			t.Errorf("notty: a long address was wrapped; plain output keeps each on one line")
		}
		const url = "https://www.newswire.ca/news-releases/minister-boissonnault-announces-further-temporary-foreign-worker-program-reforms-to-better-protect-the-canadian-labour-market-and-workers-813316460.html"
		if !strings.Contains(joined, url+"\n") {
			t.Errorf("%s: the wrapped lines do not join back to %s:\n%s", style, url, links)
		}
	}
}
