package tui

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

func TestFindHits(t *testing.T) {
	lines := []string{
		"  PGWP and pgwp, café PGWP",
		"  a work permit for the",
		"  spouse of a student",
		"",
		"  the spouse",
	}
	for _, tc := range []struct {
		query string
		want  [][]linePart
	}{
		{"pgwp", [][]linePart{{{0, span{2, 6}}}, {{0, span{11, 15}}}, {{0, span{22, 26}}}}},
		{"café", [][]linePart{{{0, span{17, 21}}}}},
		// Split by a wrap: found, on both lines.
		{"for the spouse", [][]linePart{{{1, span{16, 23}}, {2, span{2, 8}}}}},
		{"the  SPOUSE", [][]linePart{{{1, span{20, 23}}, {2, span{2, 8}}}, {{4, span{2, 12}}}}},
		// A blank line ends a paragraph: no match across it.
		{"student the", nil},
		{"", nil},
	} {
		got := findHits(lines, tc.query)
		if len(got) != len(tc.want) {
			t.Errorf("%q: %d hits %v, want %v", tc.query, len(got), got, tc.want)
			continue
		}
		for i, h := range got {
			if h.line != tc.want[i][0].line || len(h.parts) != len(tc.want[i]) {
				t.Errorf("%q hit %d = %+v, want %v", tc.query, i, h, tc.want[i])
				continue
			}
			for j := range h.parts {
				if h.parts[j] != tc.want[i][j] {
					t.Errorf("%q hit %d part %d = %v, want %v", tc.query, i, j, h.parts[j], tc.want[i][j])
				}
			}
		}
	}
}

// styleAt is the SGR sequences in force at a cell of a styled line, since
// the last reset.
func styleAt(line string, at int) string {
	var style string
	col := 0
	var state byte
	for s := line; len(s) > 0; {
		seq, width, n, next := ansi.DecodeSequence(s, state, nil)
		state, s = next, s[n:]
		if width == 0 {
			if isSGR(seq) {
				if seq == "\x1b[m" || seq == "\x1b[0m" {
					style = ""
				} else {
					style += seq
				}
			}
			continue
		}
		if col == at {
			return style
		}
		col += width
	}
	return style
}

// TestHighlightKeepsLineStyle: a match in a heading stays bold and
// coloured under the highlight, a link keeps its hyperlink, and the heading's
// style goes on after the match.
func TestHighlightKeepsLineStyle(t *testing.T) {
	st := NewStyles(true, false)
	line := "\x1b[1;34mHeading \x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\ words here\x1b[m"
	out := highlight(line, 3, 10, st.FindCurrent)
	if ansi.Strip(out) != ansi.Strip(line) {
		t.Fatalf("highlight changed the text: %q", ansi.Strip(out))
	}
	for _, col := range []int{3, 8, 9} {
		if s := styleAt(out, col); !strings.Contains(s, "\x1b[1;34m") || !strings.HasSuffix(s, sgrOf(st.FindCurrent)) {
			t.Errorf("cell %d inside the match has style %q, want the heading's and the highlight", col, s)
		}
	}
	for _, col := range []int{10, 13, 20} {
		if s := styleAt(out, col); s != "\x1b[1;34m" {
			t.Errorf("cell %d after the match has style %q, want the heading's", col, s)
		}
	}
	// The hyperlink is one link, opened once before "link" and closed after.
	if strings.Count(out, "\x1b]8;;https://example.org\x1b\\") != 1 || !strings.Contains(ansi.Strip(out), "link words") {
		t.Errorf("the hyperlink was cut: %q", out)
	}
	if highlight(line, 50, 60, st.LinkFocus) != line {
		t.Errorf("highlight past the end changed the line")
	}
}

// TestFindAcrossWraps finds a phrase that wrapping split over two lines of
// the reader, and highlights it on both.
func TestFindAcrossWraps(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "post-graduation-work-permit"}, 60, 20)
	plain := d.m.reader.doc.Plain
	word := func(s string) bool {
		return len(s) >= 4 && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	}
	phrase, at := "", -1
	for i := 0; i+1 < len(plain) && at < 0; i++ {
		a, b := strings.Fields(plain[i]), strings.Fields(plain[i+1])
		if len(a) < 2 || len(b) < 2 || !word(a[len(a)-1]) || !word(b[0]) {
			continue
		}
		p := a[len(a)-1] + " " + b[0]
		if strings.Count(strings.ToLower(strings.Join(plain, "\n")), strings.ToLower(p)) == 0 {
			phrase, at = p, i
		}
	}
	if at < 0 {
		t.Fatal("no wrapped phrase in the guide at 60 columns")
	}
	d.keys("/")
	d.typeText(phrase)
	d.keys("enter")
	r := d.m.reader
	if len(r.hits) == 0 {
		t.Fatalf("%q, split over lines %d and %d, not found", phrase, at, at+1)
	}
	h := r.hits[r.hit]
	if len(h.parts) != 2 || h.parts[0].line != at || h.parts[1].line != at+1 {
		t.Fatalf("hit %+v, want lines %d and %d", h, at, at+1)
	}
	view := strings.Split(r.View(), "\n")
	on := sgrOf(d.m.ctx.Styles.FindCurrent)
	for _, line := range []int{at, at + 1} {
		y := readerHeader + line - r.offset
		if y < readerHeader || y >= len(view)-readerFooter || !strings.Contains(view[y], on) {
			t.Errorf("line %d of the match is not highlighted on screen: %q", line, view[max(0, min(y, len(view)-1))])
		}
	}
}
