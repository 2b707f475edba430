package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
	"pathways/guides/search"
	"pathways/tui/render"
)

// TestSearchOpenFollowBackForward walks the main journey: search, open a
// result, follow a link, go back and forward, leave for the list.
func TestSearchOpenFollowBackForward(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	if d.m.screen != screenBrowse {
		t.Fatalf("starts on screen %d, want the list", d.m.screen)
	}
	d.keys("/")
	if d.m.screen != screenSearch {
		t.Fatalf("/ did not open search")
	}
	d.typeText("spousal")
	if len(d.m.search.results) == 0 || d.m.search.results[0].Guide.Slug != "spousal-open-work-permit" {
		t.Fatalf("search results = %v", d.m.search.results)
	}
	d.keys("q") // typed, not quit
	if d.quit || d.m.search.input.Value() != "spousalq" {
		t.Fatalf("q while typing quit or was lost: %q", d.m.search.input.Value())
	}
	d.keys("backspace", "enter")
	if d.slug() != "spousal-open-work-permit" {
		t.Fatalf("enter opened %q", d.slug())
	}
	if d.m.reader.doc == nil {
		t.Fatal("guide not rendered")
	}

	d.keys("tab")
	l, ok := d.m.reader.focusedLink()
	if !ok {
		t.Fatal("tab focused no link")
	}
	if d.m.reader.focus != 0 {
		t.Errorf("first tab focused link %d, want the first on screen (0)", d.m.reader.focus)
	}
	d.keys("tab", "shift+tab")
	if d.m.reader.focus != 0 {
		t.Errorf("tab, shift+tab left focus at %d", d.m.reader.focus)
	}
	// The first links are citations; tab on to the first link to a guide.
	for i := 0; i < 200 && (l.Kind != guides.LinkGuide || l.Slug == d.slug()); i++ {
		d.keys("tab")
		l, _ = d.m.reader.focusedLink()
	}
	if l.Kind != guides.LinkGuide {
		t.Fatal("tab never reached a link to another guide")
	}
	before := Place{Slug: d.slug(), Offset: d.m.reader.offset, Focus: d.m.reader.focus}

	d.keys("enter")
	if d.slug() != l.Slug {
		t.Fatalf("following %q opened %q", l.Dest, d.slug())
	}
	if d.m.reader.offset != 0 || d.m.reader.focus != -1 {
		t.Errorf("new guide opened at offset %d focus %d, want top and no focus", d.m.reader.offset, d.m.reader.focus)
	}

	d.keys("backspace")
	if got := d.m.reader.place(); got != before {
		t.Fatalf("back = %+v, want %+v", got, before)
	}
	d.keys("alt+right")
	if d.slug() != l.Slug {
		t.Fatalf("forward = %q, want %q", d.slug(), l.Slug)
	}
	d.keys("alt+left")
	if d.slug() != "spousal-open-work-permit" {
		t.Fatalf("alt+left = %q", d.slug())
	}
	// Back from the first guide returns to the search results it was
	// picked from, and esc from them to the list, on that guide.
	d.keys("backspace")
	if d.m.screen != screenSearch {
		t.Fatalf("back from the first guide: screen %d, want the search results", d.m.screen)
	}
	d.keys("esc")
	if d.m.screen != screenBrowse {
		t.Fatalf("esc from the results: screen %d, want the list", d.m.screen)
	}
	if g, _ := d.m.browse.Selected(); g.Slug != "spousal-open-work-permit" {
		t.Errorf("list selection = %q", g.Slug)
	}
	d.keys("q")
	if !d.quit {
		t.Error("q did not quit")
	}
}

func TestSearchOpensAtMatchedSection(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.keys("/")
	d.typeText("180 days")
	var want search.Result
	found := false
	for i, r := range d.m.search.results {
		if r.Guide.Slug == "post-graduation-work-permit" {
			want, found = r, true
			for range i {
				d.keys("ctrl+n")
			}
			break
		}
	}
	if !found || want.Anchor == "" {
		t.Fatalf("no section result for the PGWP guide: %+v", d.m.search.results)
	}
	d.keys("enter")
	line, ok := d.m.reader.doc.HeadingLine(want.Anchor)
	if !ok {
		t.Fatalf("anchor %q not rendered", want.Anchor)
	}
	if d.m.reader.offset != min(line, d.m.reader.maxOffset()) {
		t.Errorf("opened at line %d, want the %q heading at %d", d.m.reader.offset, want.Heading, line)
	}
	// esc from search returns to where the reader came from.
	d.keys("s")
	if d.m.screen != screenSearch {
		t.Fatal("s did not open search from the reader")
	}
	d.keys("esc")
	if d.slug() != "post-graduation-work-permit" {
		t.Errorf("esc from search went to %q", d.slug())
	}
	// The search's query is a find here: the first esc clears it.
	d.keys("esc", "esc")
	if d.m.screen != screenBrowse {
		t.Error("esc in the reader did not return to the list")
	}
}

func TestFindInGuide(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "post-graduation-work-permit"}, 90, 24)
	d.keys("/")
	d.typeText("language")
	d.keys("enter")
	r := d.m.reader
	if r.finding || len(r.hits) < 2 {
		t.Fatalf("find: typing %v, %d hits", r.finding, len(r.hits))
	}
	first := r.hit
	d.keys("n")
	if d.m.reader.hit != (first+1)%len(r.hits) {
		t.Errorf("n moved to hit %d", d.m.reader.hit)
	}
	d.keys("N")
	if d.m.reader.hit != first {
		t.Errorf("N moved to hit %d, want %d", d.m.reader.hit, first)
	}
	hitLine := d.m.reader.hits[d.m.reader.hit].line
	if hitLine < d.m.reader.offset || hitLine >= d.m.reader.offset+d.m.reader.bodyHeight() {
		t.Errorf("current hit on line %d is off screen (offset %d)", hitLine, d.m.reader.offset)
	}
	if !strings.Contains(strings.ToLower(ansi.Strip(d.m.reader.View())), "language") {
		t.Error("the match is not on screen")
	}
}

func TestOutlineJumps(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "lmia-work-permit-canada"}, 90, 24)
	d.keys("t")
	if !d.m.reader.outlineOpen {
		t.Fatal("t did not open the outline")
	}
	d.keys("j", "j", "j", "enter")
	h := d.m.reader.doc.Headings[3]
	if d.m.reader.outlineOpen || d.m.reader.offset != min(h.Line, d.m.reader.maxOffset()) {
		t.Errorf("outline jump: open %v offset %d, want %d", d.m.reader.outlineOpen, d.m.reader.offset, h.Line)
	}
}

func TestScrollKeys(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 80, 20)
	body := d.m.reader.bodyHeight()
	steps := []struct {
		key  string
		want func(prev int) int
	}{
		{"j", func(p int) int { return p + 1 }},
		{"space", func(p int) int { return p + body }},
		{"d", func(p int) int { return p + body/2 }},
		{"k", func(p int) int { return p - 1 }},
		{"b", func(p int) int { return p - body }},
		{"G", func(int) int { return d.m.reader.maxOffset() }},
		{"u", func(p int) int { return p - body/2 }},
		{"g", func(int) int { return 0 }},
	}
	for _, s := range steps {
		prev := d.m.reader.offset
		d.keys(s.key)
		if want := s.want(prev); d.m.reader.offset != want {
			t.Errorf("%s: offset %d, want %d", s.key, d.m.reader.offset, want)
		}
	}
	d.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if d.m.reader.offset != 3 {
		t.Errorf("wheel down: offset %d, want 3", d.m.reader.offset)
	}
}

func TestMouseClickFollowsLink(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "spousal-open-work-permit"}, 100, 40)
	doc := d.m.reader.doc
	var spot render.LinkSpot
	found := false
	for _, s := range doc.Links {
		l := doc.Page.Links()[s.Link]
		if l.Kind == guides.LinkGuide && l.Slug != doc.Slug {
			spot, found = s, true
			break
		}
	}
	if !found {
		t.Fatal("no link to another guide in the spousal guide")
	}
	// Scroll it onto the screen, a few lines down.
	d.m.reader.offset = max(0, spot.Line-3)
	spot.Line -= d.m.reader.offset
	want := doc.Page.Links()[spot.Link].Slug
	d.send(tea.MouseClickMsg{X: spot.Col + 1, Y: spot.Line + readerHeader, Button: tea.MouseLeft})
	if d.slug() != want {
		t.Errorf("click opened %q, want %q", d.slug(), want)
	}
}

func TestHelpShowsOnlyKeysThatAct(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 40)
	d.keys("?")
	help := ansi.Strip(d.m.content())
	for _, want := range []string{"next link", "find in guide", "outline", "back"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	for _, hidden := range []string{"forward", "copy link URL", "next match"} {
		if strings.Contains(help, hidden) {
			t.Errorf("help shows %q, which cannot act now", hidden)
		}
	}
	d.keys("x")
	if d.m.showHelp {
		t.Error("a key did not close help")
	}
}

// TestHelpClosesWithoutQuitting: ?, q and esc close the help, as in less
// and info, and none of them quits; the reader is where it was.
func TestHelpClosesWithoutQuitting(t *testing.T) {
	for _, k := range []string{"?", "q", "esc"} {
		d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 40)
		d.keys("?")
		if !d.m.showHelp {
			t.Fatal("? did not open help")
		}
		d.keys(k)
		if d.m.showHelp || d.quit || d.slug() != "glossary" {
			t.Errorf("%s in help: help %v, quitting %v, guide %q; want help closed on the glossary", k, d.m.showHelp, d.quit, d.slug())
		}
	}
}

// TestHelpFitsASmallTerminal: at 60×20 the help is one column that
// scrolls, so every key of the reader can be read, none cut off, and the
// last line always says how to close it.
func TestHelpFitsASmallTerminal(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 60, 20)
	d.keys("tab") // a focused link, so the link keys are live
	d.keys("?")
	seen := ""
	for range 20 {
		v := ansi.Strip(d.m.content())
		lines := strings.Split(v, "\n")
		if len(lines) != 20 {
			t.Fatalf("help is %d lines on a 20-line terminal", len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > 60 || strings.Contains(l, "…") {
				t.Errorf("line cut at 60 columns: %q", l)
			}
		}
		if !strings.Contains(lines[19], "closes this help") {
			t.Errorf("last line %q does not say how to close help", lines[19])
		}
		seen += v
		d.keys("down")
	}
	if !d.m.showHelp {
		t.Fatal("scrolling closed the help")
	}
	for _, g := range d.m.reader.fullHelp(d.m.history.CanBack(), d.m.history.CanForward()) {
		for _, b := range g {
			if b.Enabled() && !strings.Contains(seen, b.Help().Desc) {
				t.Errorf("help at 60×20 never shows %q", b.Help().Desc)
			}
		}
	}
	for _, want := range []string{"alt+←", "toggle bookmark"} {
		if !strings.Contains(seen, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// TestFooterKeepsHelpAndQuit: however narrow the terminal, every screen's
// footer shows how to get help and how to leave; lower hints go first.
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	screens := []struct {
		name  string
		keys  []string
		wants []string
	}{
		{"list", nil, []string{"? help", "q quit"}},
		{"reader", []string{"enter"}, []string{"? help", "q quit"}},
		{"bookmarks", []string{"'"}, []string{"? help", "q quit", "esc"}},
		{"search", []string{"/"}, []string{"esc", "ctrl+c quit"}},
	}
	for _, w := range []int{60, 80, 120} {
		for _, sc := range screens {
			d := newDriver(t, embedded, Options{}, w, 24)
			d.keys(sc.keys...)
			lines := strings.Split(ansi.Strip(d.m.content()), "\n")
			footer := lines[len(lines)-1]
			for _, want := range sc.wants {
				if !strings.Contains(footer, want) {
					t.Errorf("%s at %d columns: footer %q lacks %q", sc.name, w, footer, want)
				}
			}
		}
	}
	// The first hint stays longest: at 60 columns the list still says how to open.
	d := newDriver(t, embedded, Options{}, 60, 24)
	lines := strings.Split(ansi.Strip(d.m.content()), "\n")
	if footer := lines[len(lines)-1]; !strings.Contains(footer, "enter open") {
		t.Errorf("list footer at 60 columns dropped its first hint: %q", footer)
	}
}

func TestTooSmallAndResize(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 30, 8)
	if !strings.Contains(d.m.content(), "too small") {
		t.Errorf("tiny terminal: %q", d.m.content())
	}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if d.m.reader.doc == nil || d.m.reader.doc.Width != d.m.ctx.renderWidth(120) {
		t.Fatalf("not re-rendered at the new width")
	}
	d.keys("G")
	d.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	if d.m.reader.doc.Width != d.m.ctx.renderWidth(60) {
		t.Fatalf("not re-rendered at 60")
	}
	if d.m.reader.offset < d.m.reader.maxOffset()/2 {
		t.Errorf("resize lost the place: offset %d of %d", d.m.reader.offset, d.m.reader.maxOffset())
	}
}

func TestUnknownStartSlugFallsBackToList(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "nope"}, 80, 24)
	if d.m.screen != screenBrowse {
		t.Errorf("screen %d, want the list", d.m.screen)
	}
}

// TestIndexFollowsFirstScreen: the search index is built once the first
// screen has been rendered, whether or not that screen needed a rendering
// (a wide list renders a preview; a narrow one renders nothing).
func TestIndexFollowsFirstScreen(t *testing.T) {
	for _, size := range [][2]int{{120, 36}, {60, 20}} {
		d := newDriver(t, embedded, Options{}, size[0], size[1])
		if d.m.ctx.Index == nil {
			t.Errorf("%dx%d: no search index after the first screen", size[0], size[1])
		}
	}
	m := New(embedded, Options{Style: "notty"})
	if m.ctx.Index != nil || m.ctx.indexing {
		t.Error("the index was started before the first screen")
	}
	// Should nothing have been rendered, a key press starts it.
	_, cmd := m.Update(keyPress("down"))
	indexed := false
	for _, msg := range cmdMsgs(cmd) {
		if _, ok := msg.(indexedMsg); ok {
			indexed = true
		}
	}
	if !indexed {
		t.Error("a key press before any rendering did not start the index")
	}
	if _, cmd := m.Update(keyPress("down")); cmd != nil {
		for _, msg := range cmdMsgs(cmd) {
			if _, ok := msg.(indexedMsg); ok {
				t.Error("a second key press built the index again")
			}
		}
	}
}

// TestLazyLibraryReadsTheSame runs the browser on a lazy library, as the
// real program does, next to one on a full library: the list, the
// preview, search and every opened guide read the same.
func TestLazyLibraryReadsTheSame(t *testing.T) {
	lazy := guides.Load([]guides.Dir{guides.Embedded()}, guides.Options{Lazy: true})
	dl := newDriver(t, lazy, Options{}, 120, 36)
	df := newDriver(t, embedded, Options{}, 120, 36)
	if got, want := ansi.Strip(dl.m.View().Content), ansi.Strip(df.m.View().Content); got != want {
		t.Fatalf("first screen on a lazy library:\n%s\non a full one:\n%s", got, want)
	}
	if dl.m.ctx.Index == nil {
		t.Fatal("no search index once the first screen was up")
	}
	for _, g := range lazy.Guides() {
		for _, d := range []*driver{dl, df} {
			d.keys("/", "ctrl+u")
			d.typeText(g.Title)
			d.keys("enter")
		}
		if dl.slug() != g.Slug || df.slug() != g.Slug {
			t.Fatalf("searching %q opened %q (lazy) and %q (full)", g.Title, dl.slug(), df.slug())
		}
		if got, want := strings.Join(dl.m.reader.doc.Lines, "\n"), strings.Join(df.m.reader.doc.Lines, "\n"); got != want {
			t.Errorf("%s reads differently on a lazy library", g.Slug)
		}
		// The first esc clears the find the search carried in.
		dl.keys("esc", "esc")
		df.keys("esc", "esc")
	}
}

// TestPasteIntoSearchAndFind: bracketed paste reaches the search box and the
// find prompt as one line, without control characters, bounded in length.
func TestPasteIntoSearchAndFind(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 100, 30)
	d.keys("/")
	d.send(tea.PasteMsg{Content: "spousal\nopen\x1b[2J"})
	if got := d.m.search.input.Value(); got != "spousal open[2J" {
		t.Errorf("pasted query = %q, want %q", got, "spousal open[2J")
	}
	d.keys("ctrl+u")
	d.send(tea.PasteMsg{Content: strings.Repeat("x", 100000)})
	if got := len(d.m.search.input.Value()); got != maxPaste {
		t.Errorf("a 100,000-character paste left a query of %d characters, want %d", got, maxPaste)
	}

	d = newDriver(t, embedded, Options{}, 100, 30)
	d.keys("/")
	d.typeText("spousal")
	d.keys("enter", "/")
	d.send(tea.PasteMsg{Content: "open work"})
	if d.m.reader.query != "open work" || len(d.m.reader.hits) == 0 {
		t.Errorf("pasted find %q found %d matches", d.m.reader.query, len(d.m.reader.hits))
	}
}

// TestCitationJumpsToItsSource: enter on a citation shows the source's entry
// in the Sources list with its web link focused, and back returns to the
// citation.
func TestCitationJumpsToItsSource(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "post-graduation-work-permit"}, 100, 30)
	d.keys("tab")
	l, ok := d.m.reader.focusedLink()
	if !ok || !guides.IsCitation(l) {
		t.Fatalf("first link %+v is not a citation", l)
	}
	src, n, _ := guides.CitedSource(d.m.reader.guide, l)
	before := d.m.reader.place()
	d.keys("enter")
	top := strings.Join(d.m.reader.doc.Plain[d.m.reader.offset:d.m.reader.offset+3], "\n")
	if !strings.Contains(top, fmt.Sprintf("%d. %s", n, src.Title[:20])) {
		t.Errorf("after enter the screen starts %q, want source %d, %q", top, n, src.Title)
	}
	if f, ok := d.m.reader.focusedLink(); !ok || f.URL != src.URL {
		t.Errorf("focused link %+v, want the source's address %s", f, src.URL)
	}
	d.keys("backspace")
	if got := d.m.reader.place(); got != before {
		t.Errorf("back = %+v, want the citation's place %+v", got, before)
	}
}

// TestWidthFlagCapsTheReader: --width caps how wide the browser wraps a
// guide, as it does for show.
func TestWidthFlagCapsTheReader(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary", Width: 60}, 120, 30)
	if d.m.reader.doc == nil || d.m.reader.doc.Width != 60 {
		t.Fatalf("reader wraps at %v, want 60", d.m.reader.doc)
	}
	for i, l := range d.m.reader.doc.Plain {
		if w := len([]rune(strings.TrimRight(l, " "))); w > 60 {
			t.Errorf("line %d is %d wide: %q", i, w, l)
			break
		}
	}
}

// TestListShowsPosition: the list's footer says where the cursor is.
func TestListShowsPosition(t *testing.T) {
	d := newDriver(t, embedded, Options{}, 80, 24)
	n := len(embedded.Guides())
	footer := func() string {
		lines := strings.Split(ansi.Strip(d.m.content()), "\n")
		return lines[len(lines)-1]
	}
	if want := fmt.Sprintf(" 1/%d ", n); !strings.HasPrefix(footer(), want) {
		t.Errorf("footer %q, want it to start %q", footer(), want)
	}
	d.keys("j", "j")
	if want := fmt.Sprintf(" 3/%d ", n); !strings.HasPrefix(footer(), want) {
		t.Errorf("after two moves down, footer %q, want it to start %q", footer(), want)
	}
	d.keys("G")
	if want := fmt.Sprintf(" %d/%d ", n, n); !strings.HasPrefix(footer(), want) {
		t.Errorf("at the end, footer %q, want it to start %q", footer(), want)
	}
}

// TestASCIIStyleFrames: with --style ascii, every screen's frame (rules,
// selection bars, key hints, the help) is ASCII but for letters in the text.
func TestASCIIStyleFrames(t *testing.T) {
	for _, sc := range []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"reader", []string{"enter", "tab"}},
		{"outline", []string{"enter", "t"}},
		{"help", []string{"enter", "?"}},
		{"bookmarks", []string{"'"}},
		{"search", []string{"/"}},
		{"finder", []string{"f"}},
		{"crs", []string{"r"}},
	} {
		for _, w := range []int{80, 120} {
			d := newDriver(t, embedded, Options{Style: "ascii"}, w, 30)
			d.keys(sc.keys...)
			frame := ansi.Strip(d.m.View().Content)
			for _, r := range frame {
				if r > unicode.MaxASCII && !unicode.IsLetter(r) {
					t.Errorf("%s at %d columns draws %q in ascii style", sc.name, w, r)
					break
				}
			}
		}
	}
}

// TestFindPrompt: / opens an empty prompt (up recalls the last query), esc
// in it puts back the find and the place from before it, n past the last
// match says it wrapped, and with a find active the first esc clears it
// while the second leaves the guide.
func TestFindPrompt(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 90, 24)
	d.keys("/")
	d.typeText("permit")
	d.keys("enter")
	n := len(d.m.reader.hits)
	if n < 2 {
		t.Fatalf("%d matches for permit in the glossary; the test needs two or more", n)
	}

	// A new prompt is empty, and up brings back the last query.
	d.keys("/")
	if v := d.m.reader.findInput.Value(); v != "" {
		t.Errorf("the find prompt opened with %q, want it empty", v)
	}
	d.keys("up")
	if v := d.m.reader.findInput.Value(); v != "permit" {
		t.Errorf("up in the prompt gave %q, want the last query", v)
	}

	// Esc in the prompt: the find and the place from before it.
	d.keys("ctrl+u")
	d.typeText("work")
	before := d.m.reader.findBefore.offset
	d.keys("esc")
	if d.m.reader.finding || d.m.reader.query != "permit" || d.m.reader.offset != before {
		t.Errorf("after esc in the prompt: finding %v, query %q, line %d; want the find for permit at line %d",
			d.m.reader.finding, d.m.reader.query, d.m.reader.offset, before)
	}

	// n from the last match wraps to the first, and says so.
	d.keys("G")
	for range n {
		d.keys("n")
		if d.m.reader.hit == 0 {
			break
		}
	}
	if d.m.reader.hit != 0 || !strings.Contains(d.m.reader.status, "wrapped to the top") {
		t.Errorf("after n past the last match: match %d, status %q; want match 1 and a wrap notice", d.m.reader.hit+1, d.m.reader.status)
	}
	d.keys("N")
	if !strings.Contains(d.m.reader.status, "wrapped to the bottom") {
		t.Errorf("after N before the first match: status %q, want a wrap notice", d.m.reader.status)
	}

	// The first esc clears the find and stays; the second goes to the list.
	d.keys("esc")
	if d.m.screen != screenReader || d.m.reader.query != "" || len(d.m.reader.hits) != 0 {
		t.Errorf("first esc: screen %v, query %q; want the find cleared in the guide", d.m.screen, d.m.reader.query)
	}
	d.keys("esc")
	if d.m.screen != screenBrowse {
		t.Errorf("second esc: screen %v, want the list", d.m.screen)
	}
}

// TestStatusDoesNotOutstayItsPlace: a link's hint clears on the first move,
// and does not follow the reader into the guide the link opens.
func TestStatusDoesNotOutstayItsPlace(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 90, 24)
	d.keys("tab")
	if !strings.HasPrefix(d.m.reader.status, "→ ") {
		t.Fatalf("tab gave status %q, want the link's target", d.m.reader.status)
	}
	d.keys("j")
	if d.m.reader.status != "" {
		t.Errorf("after a move the status still says %q", d.m.reader.status)
	}
	d.keys("tab", "enter")
	if d.slug() == "glossary" {
		t.Fatal("enter did not follow the link")
	}
	if d.m.reader.status != "" {
		t.Errorf("arriving in %s, the status still says %q", d.slug(), d.m.reader.status)
	}
}

// TestCopyLinkSaysWhatItSent: y on a web link sends it by OSC 52 and says
// just that, since the terminal may not act on it.
func TestCopyLinkSaysWhatItSent(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 90, 24)
	for range 400 {
		if l, ok := d.m.reader.focusedLink(); ok && l.Kind == guides.LinkExternal {
			break
		}
		d.keys("tab")
	}
	l, ok := d.m.reader.focusedLink()
	if !ok || l.Kind != guides.LinkExternal {
		t.Fatal("no web link in the glossary to copy")
	}
	d.keys("y")
	if want := "sent to the terminal clipboard (OSC 52): " + l.URL; d.m.reader.status != want {
		t.Errorf("status after y: %q, want %q", d.m.reader.status, want)
	}
}

// TestOutlineShowsItsKeys: with the outline open, the footer and ? show the
// outline's keys, not the reader's.
func TestOutlineShowsItsKeys(t *testing.T) {
	d := newDriver(t, embedded, Options{Slug: "glossary"}, 100, 30)
	d.keys("t")
	lines := strings.Split(ansi.Strip(d.m.content()), "\n")
	footer := lines[len(lines)-1]
	for _, want := range []string{"enter go to section", "esc/t close outline", "? help"} {
		if !strings.Contains(footer, want) {
			t.Errorf("outline footer %q lacks %q", footer, want)
		}
	}
	d.keys("?")
	help := ansi.Strip(d.m.content())
	if !strings.Contains(help, "go to section") || strings.Contains(help, "next link") {
		t.Errorf("help over the outline shows the wrong keys:\n%s", help)
	}
	d.keys("?", "esc")
	if d.m.reader.outlineOpen {
		t.Error("esc/t close outline did not close it")
	}
}
