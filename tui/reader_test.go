package tui

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
)

// TestTabStartsFromTheScreen: after scrolling, tab and shift+tab choose
// from the links on screen, not from the link chosen before scrolling; the
// chosen link keeps lines of context around it.
func TestTabStartsFromTheScreen(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 80, 24)
	links := d.m.reader.doc.Links
	d.keys("tab")
	if d.m.reader.focus != 0 {
		t.Fatalf("first tab chose link %d, want 0", d.m.reader.focus)
	}
	d.keys("space", "space", "space")
	top := d.m.reader.offset
	want := -1
	for i, l := range links {
		if l.Line >= top {
			want = i
			break
		}
	}
	if want <= 1 {
		t.Fatalf("no link further down the glossary (offset %d)", top)
	}
	d.keys("tab")
	if d.m.reader.focus != want {
		t.Errorf("tab after scrolling chose link %d (line %d), want %d, the first at or below line %d",
			d.m.reader.focus, links[d.m.reader.focus].Line, want, top)
	}
	assertContext(t, d)

	d.keys("space", "space")
	top, bottom := d.m.reader.offset, d.m.reader.offset+d.m.reader.bodyHeight()-1
	want = -1
	for i, l := range links {
		if l.Line <= bottom {
			want = i
		}
	}
	if want < 0 || links[want].Line < top {
		t.Fatalf("no link on the screen at %d..%d", top, bottom)
	}
	d.keys("shift+tab")
	if d.m.reader.focus != want {
		t.Errorf("shift+tab after scrolling chose link %d, want %d, the last on screen", d.m.reader.focus, want)
	}
	assertContext(t, d)
	// From a link on screen, tab goes to the next one.
	d.keys("tab")
	if d.m.reader.focus != want+1 {
		t.Errorf("tab from link %d chose %d", want, d.m.reader.focus)
	}
	assertContext(t, d)
}

// assertContext checks the chosen link has linkContext lines above and
// below it on screen, unless the guide's top or end is in the way.
func assertContext(t *testing.T, d *driver) {
	t.Helper()
	r := d.m.reader
	l := r.doc.Links[r.focus]
	if above := l.Line - r.offset; above < linkContext && r.offset > 0 {
		t.Errorf("link on line %d has %d lines above it on screen, want %d", l.Line, above, linkContext)
	}
	if below := r.offset + r.bodyHeight() - 1 - l.EndLine; below < linkContext && r.offset < r.maxOffset() {
		t.Errorf("link ending on line %d has %d lines below it on screen, want %d", l.EndLine, below, linkContext)
	}
}

// TestEnterFollowsOnlyWhatIsOnScreen: a chosen link scrolled off screen is
// not followed; enter chooses the first link on screen, and a second enter
// follows that one.
func TestEnterFollowsOnlyWhatIsOnScreen(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 80, 24)
	d.keys("tab", "G")
	offset := d.m.reader.offset
	d.keys("enter")
	if d.slug() != "glossary" || d.m.reader.offset != offset {
		t.Fatalf("enter followed a link off screen: now %q at line %d (was at %d)", d.slug(), d.m.reader.offset, offset)
	}
	r := d.m.reader
	if r.focus >= 0 {
		if l := r.doc.Links[r.focus]; l.EndLine < r.offset || l.Line >= r.offset+r.bodyHeight() {
			t.Errorf("enter chose link %d on line %d, off screen at %d", r.focus, l.Line, r.offset)
		}
		if r.status == "" {
			t.Error("enter chose a link without saying where it goes")
		}
	} else if r.status == "" {
		t.Error("enter did nothing and said nothing")
	}
}

// footerPercent reads the percentage in the reader's footer.
func footerPercent(t *testing.T, d *driver) int {
	t.Helper()
	lines := strings.Split(ansi.Strip(d.m.reader.View()), "\n")
	var pct int
	if _, err := fmt.Sscanf(strings.TrimSpace(lines[len(lines)-1]), "%d%%", &pct); err != nil {
		t.Fatalf("no percentage in the footer %q", lines[len(lines)-1])
	}
	return pct
}

// TestPercentSameInListAndReader: the list's offer to continue a guide
// shows the percentage the reader's footer showed on leaving it.
func TestPercentSameInListAndReader(t *testing.T) {
	d := newDriver(t, embedded, Options{Store: storeAt(t, filepath.Join(t.TempDir(), "state.json"))}, 90, 24)
	d.m.browse.selectSlug("express-entry-strategy")
	d.keys("enter", "space", "space", "j")
	pct := footerPercent(t, d)
	if pct <= 0 || pct >= 100 {
		t.Fatalf("footer says %d%% after two pages", pct)
	}
	d.keys("esc")
	want := fmt.Sprintf("c continues Express Entry strategy (%d%%)", pct)
	if list := ansi.Strip(d.m.browse.View()); !strings.Contains(list, want) {
		t.Errorf("the list does not show %q:\n%s", want, list)
	}
	d.keys("c")
	if got := footerPercent(t, d); got != pct {
		t.Errorf("continuing shows %d%%, the list and the reader before said %d%%", got, pct)
	}
}

// TestResizeKeepsTheTopLine: after a resize re-wraps the guide, the
// heading that was at the top is at the top again, and a line partway
// into a section stays in that section.
func TestResizeKeepsTheTopLine(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "express-entry-strategy"}, 100, 30)
	hs := d.m.reader.doc.Headings
	h := hs[len(hs)/2]
	anchor := d.m.reader.doc.Page.Headings()[h.Heading].Anchor
	d.m.reader.jump(Place{Slug: d.slug(), Offset: h.Line, Focus: -1})
	if d.m.reader.offset != h.Line {
		t.Fatalf("could not put heading %q at the top", anchor)
	}
	for _, size := range [][2]int{{60, 30}, {140, 30}, {80, 20}, {100, 30}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		line, _ := d.m.reader.doc.HeadingLine(anchor)
		if d.m.reader.offset != line {
			t.Errorf("at %dx%d the top is line %d, want heading %q on line %d", size[0], size[1], d.m.reader.offset, anchor, line)
		}
	}
	// Two lines into the section: still in it, below its heading.
	d.keys("j", "j")
	d.send(tea.WindowSizeMsg{Width: 60, Height: 30})
	line, _ := d.m.reader.doc.HeadingLine(anchor)
	if d.m.reader.currentAnchor() != anchor || d.m.reader.offset <= line {
		t.Errorf("at 60 columns the top is line %d in section %q, want below %q's line %d",
			d.m.reader.offset, d.m.reader.currentAnchor(), anchor, line)
	}
}

// TestOpenWebLink: o hands the chosen web link to the system's browser,
// through a command, and says so; help and the footer show o only for a
// web link; with no opener, the status says so.
func TestOpenWebLink(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 30)
	d.keys("o")
	if len(d.opened) != 0 {
		t.Fatalf("o with no link chosen opened %v", d.opened)
	}
	for range 400 {
		if l, ok := d.m.reader.focusedLink(); ok && l.Kind == guides.LinkExternal {
			break
		}
		d.keys("tab")
	}
	l, ok := d.m.reader.webLink()
	if !ok {
		t.Fatal("no web link in the glossary")
	}
	if !strings.Contains(d.m.reader.status, "o opens") {
		t.Errorf("choosing a web link says %q, not that o opens it", d.m.reader.status)
	}
	d.keys("enter")
	if !strings.Contains(d.m.reader.status, "o opens") || !strings.Contains(d.m.reader.status, "y copies") {
		t.Errorf("enter on a web link says %q, want the offer of o and y", d.m.reader.status)
	}
	d.m.reader.status = ""
	if footer := footerLine(d); !strings.Contains(footer, "o open link in browser") {
		t.Errorf("footer with a web link chosen lacks o: %q", footer)
	}
	d.keys("?")
	if help := ansi.Strip(d.m.content()); !strings.Contains(help, "o") || !strings.Contains(help, "open link in browser") {
		t.Errorf("help with a web link chosen lacks o:\n%s", help)
	}
	d.keys("?", "o")
	if len(d.opened) != 1 || d.opened[0] != l.URL {
		t.Fatalf("o opened %v, want %q", d.opened, l.URL)
	}
	if want := "opened in your browser: " + l.URL; d.m.reader.status != want {
		t.Errorf("status after o: %q, want %q", d.m.reader.status, want)
	}

	// No opener: said in the status, with the other way.
	d.m.ctx.openURL = func(string) error { return errors.New("no xdg-open here to open web links") }
	d.keys("o")
	if s := d.m.reader.status; !strings.Contains(s, "no xdg-open here") || !strings.Contains(s, "y copies") {
		t.Errorf("status with no opener: %q", s)
	}

	// A link to a guide: o does nothing, and neither help nor footer offer it.
	for range 400 {
		if l, ok := d.m.reader.focusedLink(); ok && l.Kind == guides.LinkGuide {
			break
		}
		d.keys("tab")
	}
	d.m.reader.status = ""
	if footer := footerLine(d); strings.Contains(footer, "open link in browser") {
		t.Errorf("footer offers o on a link to a guide: %q", footer)
	}
	d.keys("o")
	if len(d.opened) != 1 {
		t.Errorf("o on a link to a guide opened %v", d.opened[1:])
	}
}

func footerLine(d *driver) string {
	lines := strings.Split(ansi.Strip(d.m.content()), "\n")
	return lines[len(lines)-1]
}

func TestOpener(t *testing.T) {
	found := func(name string) (string, error) { return "/bin/" + name, nil }
	missing := func(name string) (string, error) { return "", exec.ErrNotFound }
	for goos, want := range map[string][]string{
		"linux":   {"/bin/xdg-open"},
		"freebsd": {"/bin/xdg-open"},
		"darwin":  {"/bin/open"},
		"windows": {"/bin/rundll32", "url.dll,FileProtocolHandler"},
	} {
		path, args, err := opener(goos, found)
		if got := append([]string{path}, args...); err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: %v %v, want %v", goos, got, err, want)
		}
		if _, _, err := opener(goos, missing); err == nil || !strings.Contains(err.Error(), filepath.Base(want[0])) {
			t.Errorf("%s with no opener: %v, want an error naming %s", goos, err, filepath.Base(want[0]))
		}
	}
}

// TestSearchCarriesQueryIntoReader: a guide opened from search results
// arrives with the query's words found and highlighted where it lands; n
// and N move between them, and the first esc clears them.
func TestSearchCarriesQueryIntoReader(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.keys("/")
	d.typeText("pgwp language")
	if len(d.m.search.results) == 0 || d.m.search.results[0].Guide.Slug != "post-graduation-work-permit" {
		t.Fatalf("search results = %v", d.m.search.results)
	}
	d.keys("enter")
	r := d.m.reader
	if d.slug() != "post-graduation-work-permit" || r.query == "" || len(r.hits) == 0 {
		t.Fatalf("opened %q with find %q and %d matches, want the query found", d.slug(), r.query, len(r.hits))
	}
	words := map[string]bool{}
	for _, h := range r.hits {
		p := h.parts[0]
		words[strings.ToLower(ansi.Cut(r.doc.Plain[p.line], p.from, p.to))] = true
	}
	if !words["pgwp"] || !words["language"] {
		t.Errorf("the matches are %v, want both words of the query", words)
	}
	// Highlighted on the screen where the reader landed.
	view := r.View()
	if !strings.Contains(view, sgrOf(d.m.ctx.Styles.FindHit)) && !strings.Contains(view, sgrOf(d.m.ctx.Styles.FindCurrent)) {
		t.Errorf("no match highlighted where the guide opened:\n%s", ansi.Strip(view))
	}
	if !strings.Contains(r.status, `"pgwp language"`) {
		t.Errorf("status %q does not name the find", r.status)
	}
	d.keys("n")
	r = d.m.reader
	if line := r.hits[r.hit].line; line < r.offset || line >= r.offset+r.bodyHeight() {
		t.Errorf("n went to match %d on line %d, off screen at %d", r.hit, line, r.offset)
	}
	d.keys("esc")
	if d.slug() != "post-graduation-work-permit" || d.m.reader.query != "" || len(d.m.reader.hits) != 0 {
		t.Errorf("the first esc left %q with find %q, want the find cleared and the guide kept", d.slug(), d.m.reader.query)
	}
}

// TestSearchOpensSectionWithMatch: opened at a matched section, the
// current match is one on screen, the first at or below the top.
func TestSearchOpensSectionWithMatch(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.keys("/")
	d.typeText("180 days")
	for i, res := range d.m.search.results {
		if res.Guide.Slug == "post-graduation-work-permit" {
			for range i {
				d.keys("ctrl+n")
			}
			break
		}
	}
	d.keys("enter")
	r := d.m.reader
	if d.slug() != "post-graduation-work-permit" || len(r.hits) == 0 {
		t.Fatalf("opened %q with %d matches for %q", d.slug(), len(r.hits), r.query)
	}
	if line := r.hits[r.hit].line; line < r.offset || line >= r.offset+r.bodyHeight() {
		t.Errorf("the current match is on line %d, off the screen at %d", line, r.offset)
	}
	if !strings.HasPrefix(r.status, "match ") {
		t.Errorf("status %q, want which match this is", r.status)
	}
}

// TestCarriedFindBelowTheScreen: when the query is found only below where
// the guide opened, the reader does not move, and n goes to the first match.
func TestCarriedFindBelowTheScreen(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	g, _ := embedded.Guide("express-entry-strategy")
	d.send(openGuideMsg{slug: g.Slug})
	plain, h := d.m.reader.doc.Plain, d.m.reader.bodyHeight()
	top := strings.ToLower(strings.Join(plain[:h], " "))
	word := ""
	for _, line := range plain[h:] {
		for _, w := range strings.Fields(strings.ToLower(line)) {
			if len(w) >= 6 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 && !strings.Contains(top, w) {
				word = w
				break
			}
		}
		if word != "" {
			break
		}
	}
	if word == "" {
		t.Fatal("no word found only below the first screen")
	}
	d.send(tea.KeyPressMsg{Code: tea.KeyEscape})
	d.send(openGuideMsg{slug: g.Slug, find: word})
	r := d.m.reader
	if r.offset != 0 || len(r.hits) == 0 || !strings.Contains(r.status, "matches for") {
		t.Fatalf("opened at %d with %d matches for %q, status %q", r.offset, len(r.hits), word, r.status)
	}
	d.keys("n")
	r = d.m.reader
	if r.hit != 0 || r.hits[0].line < r.offset || r.hits[0].line >= r.offset+h {
		t.Errorf("n went to match %d at offset %d, want the first match (line %d) on screen", r.hit, r.offset, r.hits[0].line)
	}
}

// TestOpenOnlyWebAddresses: o hands only http and https addresses to the
// system's opener. A guide can autolink any scheme (<file:///…>, or one a
// local program registered), which the opener would pass to its handler.
func TestOpenOnlyWebAddresses(t *testing.T) {
	fsys := fstest.MapFS{"odd.md": {Data: []byte("---\ntitle: Odd links\nsummary: Links of other schemes.\nreviewed: 2026-12-01\n---\n\nSee <file:///etc/passwd> and <x-handler:run>.\n")}}
	lib := guides.Load([]guides.Dir{guides.Embedded(), {FS: fsys, Name: "mine"}}, guides.Options{})
	d := newDriver(t, lib, Options{Slug: "odd"}, 100, 30)
	for _, want := range []string{"file:///etc/passwd", "x-handler:run"} {
		d.keys("tab")
		if l, ok := d.m.reader.focusedLink(); !ok || l.URL != want {
			t.Fatalf("tab chose %+v, want the link to %s", l, want)
		}
		if footer := footerLine(d); strings.Contains(footer, "o open") || !strings.Contains(footer, "y ") {
			t.Errorf("footer on %s offers o, or not y: %q", want, footer)
		}
		d.keys("o")
		if len(d.opened) != 0 {
			t.Fatalf("o opened %v", d.opened)
		}
		if !strings.Contains(d.m.reader.status, "only http and https") {
			t.Errorf("o on %s says %q", want, d.m.reader.status)
		}
	}
}
