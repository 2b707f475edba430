package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"pathways/tui/render"
)

// cellLook is what a cell looks like without colour: its SGR attributes.
type cellLook struct{ bold, underline, reverse bool }

// looks returns the attributes of each cell of a styled line, and whether
// any SGR sequence on it sets a colour.
func looks(line string) (cells []cellLook, coloured bool) {
	var cur cellLook
	var state byte
	for s := line; len(s) > 0; {
		seq, width, n, newState := ansi.DecodeSequence(s, state, nil)
		state = newState
		s = s[n:]
		if strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
			params := strings.Split(seq[2:len(seq)-1], ";")
			for i := 0; i < len(params); i++ {
				p, _, _ := strings.Cut(params[i], ":")
				switch p {
				case "", "0":
					cur = cellLook{}
				case "1":
					cur.bold = true
				case "22":
					cur.bold = false
				case "4":
					cur.underline = true
				case "24":
					cur.underline = false
				case "7":
					cur.reverse = true
				case "27":
					cur.reverse = false
				default:
					if len(p) == 2 && strings.ContainsAny(p[:1], "3491") || len(p) == 3 && p[:2] == "10" {
						coloured = true
					}
				}
			}
			continue
		}
		for range width {
			cells = append(cells, cur)
		}
	}
	return cells, coloured
}

// TestNoColorShowsLinksAndMatch opens a guide as NO_COLOR would, focuses a
// link and finds a word: with no colour at all, links stand out from the
// text, and the focused link and the current match from each other and from
// the other matches.
func TestNoColorShowsLinksAndMatch(t *testing.T) {
	style, err := render.ResolveStyle(render.Output{NoColor: true, Terminal: true})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, embedded, Options{Slug: "canadian-experience-class", Style: style}, 80, 24)
	d.keys("tab", "/")
	d.typeText("the")
	d.keys("enter")

	view := strings.Split(d.m.View().Content, "\n")
	screen := make([][]cellLook, len(view))
	for i, l := range view {
		var coloured bool
		if screen[i], coloured = looks(l); coloured {
			t.Errorf("line %d sets a colour: %q", i, l)
		}
	}
	r := d.m.reader
	at := func(line, col int) cellLook {
		row := line - r.offset + readerHeader
		if row < 0 || row >= len(screen) || col >= len(screen[row]) {
			t.Fatalf("line %d col %d is off screen", line, col)
		}
		return screen[row][col]
	}
	plain := cellLook{}

	focused := at(r.doc.Links[r.focus].Line, r.doc.Links[r.focus].Col)
	if focused == plain {
		t.Errorf("the focused link looks like plain text")
	}
	others := 0
	for i, l := range r.doc.Links {
		if i == r.focus || l.Line < r.offset || l.Line >= r.offset+r.bodyHeight() {
			continue
		}
		others++
		if got := at(l.Line, l.Col); got == plain || got == focused {
			t.Errorf("link %d on line %d looks like %+v: not set apart from the text (%+v) or the focused link (%+v)", i, l.Line, got, plain, focused)
		}
	}
	if others == 0 {
		t.Fatal("no other link on screen to check")
	}

	// Each "the" in the text on screen is a match; the current one looks
	// unlike all the others and unlike the focused link.
	var matchLooks []cellLook
	for i := readerHeader; i < readerHeader+r.bodyHeight() && i < len(view); i++ {
		text := strings.ToLower(ansi.Strip(view[i]))
		for from := 0; ; {
			j := strings.Index(text[from:], "the")
			if j < 0 {
				break
			}
			matchLooks = append(matchLooks, screen[i][ansi.StringWidth(text[:from+j])])
			from += j + len("the")
		}
	}
	counts := map[cellLook]int{}
	for _, l := range matchLooks {
		counts[l]++
	}
	var current []cellLook
	for l, n := range counts {
		if n == 1 && l != plain && l != focused {
			current = append(current, l)
		}
	}
	if len(current) != 1 {
		t.Errorf("want one match that looks unlike the others and the focused link, got looks %v", counts)
	}
}
