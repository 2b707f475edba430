package tui

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"testing/synctest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides"
	"pathways/tui/render"
)

// hostileLib is the embedded guides plus the hostile corpus: guides whose
// titles, summaries, bodies, code blocks and links carry escape sequences,
// C1 controls, bidi overrides, cycles and self links.
var hostileLib = guides.Load([]guides.Dir{guides.Embedded(), guides.OSDir("../testdata/hostile")}, guides.Options{})

// robustSizes are the window sizes the random walk switches between: the
// degenerate, just below and at the minimum, common and huge.
var robustSizes = [][2]int{{1, 1}, {2, 2}, {39, 9}, {40, 10}, {80, 24}, {100, 30}, {120, 40}, {500, 200}}

// robustKeys are every key the app binds, and a few it does not.
var robustKeys = []string{
	"q", "ctrl+c", "?", "up", "k", "down", "j", "space", "pgdown", "b", "pgup", "d", "u", "g", "home", "G", "end",
	"enter", "/", "f", "tab", "shift+tab", "backspace", "alt+left", "alt+right", "n", "N", "t", "s", "y", "esc",
	"m", "'", "x", "c", "e", "r", "ctrl+n", "ctrl+p", "left", "right",
}

// robustWords are typed as a whole, so searches and finds reach the hostile
// guides and actually match.
var robustWords = []string{"hostile", "csi", "osc", "bidi", "pwned", "cycle", "self", "permit", "lmia", "^[", "<U+"}

// randomRunes are typed one at a time: ASCII, accented, wide and emoji.
var randomRunes = []rune("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 -_.,;:!@#$%&*()[]{}<>\"'\\|éßñ日本語한글😀🎉")

// randomMsg is one random input: mostly keys, some typing, mouse and resizes.
func randomMsg(rng *rand.Rand, w, h int) []tea.Msg {
	switch n := rng.IntN(100); {
	case n < 55:
		return []tea.Msg{keyPress(robustKeys[rng.IntN(len(robustKeys))])}
	case n < 65:
		r := randomRunes[rng.IntN(len(randomRunes))]
		return []tea.Msg{tea.KeyPressMsg{Code: r, Text: string(r)}}
	case n < 68:
		var msgs []tea.Msg
		for _, r := range robustWords[rng.IntN(len(robustWords))] {
			msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		return msgs
	case n < 78:
		return []tea.Msg{tea.MouseClickMsg{X: rng.IntN(w + 5), Y: rng.IntN(h + 5), Button: tea.MouseLeft}}
	case n < 80:
		return []tea.Msg{tea.MouseClickMsg{X: rng.IntN(w + 5), Y: rng.IntN(h + 5), Button: tea.MouseRight}}
	case n < 90:
		b := tea.MouseWheelDown
		if rng.IntN(2) == 0 {
			b = tea.MouseWheelUp
		}
		return []tea.Msg{tea.MouseWheelMsg{X: rng.IntN(w + 5), Y: rng.IntN(h + 5), Button: b}}
	case n < 91:
		return []tea.Msg{tea.MouseReleaseMsg{X: rng.IntN(w + 5), Y: rng.IntN(h + 5), Button: tea.MouseLeft}}
	case n < 92:
		return []tea.Msg{tea.PasteMsg{Content: robustWords[rng.IntN(len(robustWords))]}}
	case n < 96:
		s := robustSizes[rng.IntN(len(robustSizes))]
		return []tea.Msg{tea.WindowSizeMsg{Width: s[0], Height: s[1]}}
	default:
		return []tea.Msg{tea.WindowSizeMsg{Width: 1 + rng.IntN(300), Height: 1 + rng.IntN(120)}}
	}
}

// TestRobustRandomInput feeds the browser long seeded random sequences of
// keys, typing, mouse events and window sizes over the embedded and hostile
// guides, and checks after every step that it did not panic, that its
// invariants hold and that its view fits the terminal and carries no
// control sequence from a guide. Each kind of failure is reported once per
// seed and screen, with the step and the last inputs, so one bug does not
// hide another.
//
// It runs in a synctest bubble: the timers of the finder's text inputs fire
// at once instead of after half a second, so thousands of steps stay quick.
func TestRobustRandomInput(t *testing.T) {
	const steps = 2000
	tests := []struct {
		seed  uint64
		opts  Options
		start [2]int
	}{
		{1, Options{}, [2]int{80, 24}},
		{2, Options{Slug: "osc8-hyperlink"}, [2]int{100, 30}},
		{3, Options{Slug: "csi-link-text", Style: "dark"}, [2]int{120, 40}},
		{4, Options{Slug: "self-link", Style: "ascii"}, [2]int{39, 9}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("seed%d", tt.seed), func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				robustWalk(t, tt.seed, tt.opts, tt.start[0], tt.start[1], steps)
			})
		})
	}
}

func robustWalk(t *testing.T, seed uint64, opts Options, w, h, steps int) {
	rng := rand.New(rand.NewPCG(seed, seed*0x9e3779b97f4a7c15))
	d := newDriver(t, hostileLib, opts, w, h)
	var recent []string // the last inputs, for failure messages
	reported := map[string]bool{}
	fail := func(step int, kind, detail string) {
		where := screenName(d.m)
		if reported[kind+where] {
			return
		}
		reported[kind+where] = true
		t.Errorf("seed %d step %d (%d×%d, %s): %s: %s\nlast inputs: %s",
			seed, step, d.m.ctx.Width, d.m.ctx.Height, where, kind, detail, strings.Join(recent, ", "))
	}
	for step := range steps {
		msgs := randomMsg(rng, d.m.ctx.Width, d.m.ctx.Height)
		for _, msg := range msgs {
			recent = append(recent, describeMsg(msg))
			if len(recent) > 12 {
				recent = recent[1:]
			}
			if p := sendRecover(d, msg); p != "" {
				fail(step, "panic", p)
				return // the model is in an unknown state
			}
			d.quit = false // quitting is fine; keep exploring the same model
		}
		for _, v := range checkInvariants(d) {
			fail(step, v.kind, v.detail)
		}
	}
	if testing.Verbose() {
		t.Logf("seed %d: %d steps, ended on the %s", seed, steps, screenName(d.m))
	}
}

// screenName says what the model shows, for failure messages.
func screenName(m Model) string {
	switch {
	case m.tooSmall():
		return "too-small message"
	case m.showHelp:
		return "help"
	}
	return [...]string{"list", "search pane", "reader", "bookmarks", "finder"}[m.screen]
}

// sendRecover sends one message and returns a panic as text, with a stack.
func sendRecover(d *driver, msg tea.Msg) (panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprintf("%v\n%s", r, debug.Stack())
		}
	}()
	d.send(msg)
	return ""
}

func describeMsg(msg tea.Msg) string {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		return fmt.Sprintf("key %q", m.String())
	case tea.WindowSizeMsg:
		return fmt.Sprintf("size %d×%d", m.Width, m.Height)
	case tea.MouseClickMsg:
		return fmt.Sprintf("click %d,%d %v", m.X, m.Y, m.Button)
	case tea.MouseWheelMsg:
		return fmt.Sprintf("wheel %d,%d %v", m.X, m.Y, m.Button)
	case tea.MouseReleaseMsg:
		return fmt.Sprintf("release %d,%d", m.X, m.Y)
	case tea.PasteMsg:
		return fmt.Sprintf("paste %q", m.Content)
	}
	return fmt.Sprintf("%T", msg)
}

type violation struct{ kind, detail string }

// checkInvariants checks the model's state and its view.
func checkInvariants(d *driver) []violation {
	var out []violation
	bad := func(kind, format string, args ...any) {
		out = append(out, violation{kind, fmt.Sprintf(format, args...)})
	}
	m := d.m
	w, h := m.ctx.Width, m.ctx.Height

	// The reader: the focused link exists, the offset is on the page.
	r := &m.reader
	switch {
	case r.doc == nil && r.focus != -1:
		bad("reader focus without a rendering", "focus %d", r.focus)
	case r.doc != nil && (r.focus < -1 || r.focus >= len(r.doc.Links)):
		bad("reader focus out of range", "focus %d of %d links", r.focus, len(r.doc.Links))
	}
	if r.offset < 0 || r.offset > r.maxOffset() {
		bad("reader offset out of range", "offset %d, max %d", r.offset, r.maxOffset())
	}
	if r.outlineOpen && (r.doc == nil || r.outlineSel < 0 || r.outlineSel >= len(r.doc.Headings)) {
		n := -1
		if r.doc != nil {
			n = len(r.doc.Headings)
		}
		bad("outline selection out of range", "sel %d of %d headings", r.outlineSel, n)
	}
	if (len(r.hits) == 0 && r.hit != 0) || (len(r.hits) > 0 && (r.hit < 0 || r.hit >= len(r.hits))) {
		bad("find hit out of range", "hit %d of %d", r.hit, len(r.hits))
	}

	// History: the current place exists and is the guide on screen.
	hs := &m.history
	if len(hs.entries) > 0 && (hs.cur < 0 || hs.cur >= len(hs.entries)) {
		bad("history position out of range", "cur %d of %d", hs.cur, len(hs.entries))
	}
	if m.screen == screenReader && r.guide != nil {
		if p, ok := hs.Current(); !ok || p.Slug != r.guide.Slug {
			bad("history does not hold the guide on screen", "current %+v (%v), reader on %s", p, ok, r.guide.Slug)
		}
	}

	// Selections in lists stay on an item.
	if s := m.search; (len(s.results) == 0 && s.sel != 0) || (len(s.results) > 0 && (s.sel < 0 || s.sel >= len(s.results))) {
		bad("search selection out of range", "sel %d of %d results", s.sel, len(s.results))
	}
	if m.screen == screenBrowse {
		// The list's selection is refreshed when the list comes back, so it
		// is checked only while the list shows.
		rows := m.browse.rows()
		if m.browse.sel < 0 || m.browse.sel >= len(rows) || rows[m.browse.sel].g == nil {
			bad("list selection not on a guide", "sel %d of %d rows", m.browse.sel, len(rows))
		}
		if m.browse.top < 0 || m.browse.top > max(0, len(rows)-1) {
			bad("list scrolled out of range", "top %d of %d rows", m.browse.top, len(rows))
		}
	}
	if n := len(m.bookmarks.shown()); m.bookmarks.sel < 0 || (n > 0 && m.bookmarks.sel >= n) {
		bad("bookmark selection out of range", "sel %d of %d", m.bookmarks.sel, n)
	}
	if f := m.finder; f.result != nil {
		if n := len(f.entries()); f.sel < 0 || (n > 0 && f.sel >= n) {
			bad("finder selection out of range", "sel %d of %d", f.sel, n)
		}
	}

	// The view fits the terminal and holds nothing a terminal acts on but
	// pathways' own styling.
	v := m.View()
	lines := strings.Split(v.Content, "\n")
	if len(lines) > h {
		bad("view taller than the terminal", "%d lines for a height of %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			bad("view wider than the terminal", "line %d is %d cells for a width of %d: %q", i, lw, w, ansi.Strip(l))
			break
		}
	}
	if what := render.Unsafe(v.Content, true); what != "" {
		bad("control sequence in the view", "%s", what)
	}
	if what := render.Unsafe(ansi.Strip(v.Content), false); what != "" {
		bad("control character in the stripped view", "%s", what)
	}
	if what := render.Unsafe(v.WindowTitle, false); what != "" || strings.Contains(v.WindowTitle, "\n") || !strings.HasPrefix(v.WindowTitle, "pathways") {
		bad("unsafe window title", "%q %s", v.WindowTitle, what)
	}
	if c := v.Cursor; c != nil && (c.X < 0 || c.X >= w || c.Y < 0 || c.Y >= h) {
		bad("cursor off the screen", "cursor at %d,%d in %d×%d", c.X, c.Y, w, h)
	}
	return out
}

// around is s near byte i, for failure messages.
func around(s string, i int) string {
	from, to := max(0, i-30), min(len(s), i+30)
	return strings.ToValidUTF8(s[from:to], "?")
}

// hostileMarks is what each hostile guide's attack must look like on screen:
// made visible, in caret notation or as a code point.
var hostileMarks = map[string][]string{
	"apc": {"^[_"}, "bel": {"^G"}, "bidi-isolate": {"<U+2066>"}, "bidi-override": {"<U+202E>"},
	"c1-controls": {"<U+009B>"}, "csi-body": {"^[[2J"}, "csi-code-block": {"^[[2J"}, "csi-link-text": {"^["},
	"csi-link-url": {"^["}, "csi-summary": {"^[[2J"}, "csi-title": {"^[[2J"}, "dcs": {"^[P"},
	"osc-window-title": {"^[]0;pwned"}, "osc52-clipboard": {"^[]52;"}, "osc8-hyperlink": {"^[]8;;"},
	"overstrike": {"^H", "^M"}, "char-refs-body": {"^[[2J", "<U+202E>", "<U+009B>"},
	"char-refs-title": {"^[]0;pwned"}, "char-refs-markers": {"forged"},
}

// TestRobustHostileGuidesOnScreen shows every hostile guide in the list (with
// its preview) and in the reader, scrolled through with every link focused
// in turn, in a plain and a coloured style: what reaches the screen must be
// safe, the attacks visible as caret notation, and every invariant hold.
func TestRobustHostileGuidesOnScreen(t *testing.T) {
	var hostile []*guides.Guide
	for _, g := range hostileLib.Guides() {
		if g.Origin != "embedded" {
			hostile = append(hostile, g)
		}
	}
	if len(hostile) < 15 {
		t.Fatalf("only %d hostile guides loaded", len(hostile))
	}
	for _, style := range []string{"notty", "dark"} {
		list := newDriver(t, hostileLib, Options{Style: style}, 120, 40)
		for _, g := range hostile {
			seen := ""
			check := func(d *driver, what string) {
				t.Helper()
				for _, v := range checkInvariants(d) {
					t.Errorf("%s (%s) %s: %s: %s", g.Slug, style, what, v.kind, v.detail)
				}
				seen += ansi.Strip(d.m.View().Content) + "\n"
			}

			list.m.browse.selectSlug(g.Slug)
			list.run(list.m.browse.preview())
			check(list, "in the list")

			d := newDriver(t, hostileLib, Options{Slug: g.Slug, Style: style}, 100, 30)
			if d.m.reader.doc == nil {
				t.Errorf("%s (%s): not rendered", g.Slug, style)
				continue
			}
			check(d, "opened")
			for range len(d.m.reader.doc.Links) + 1 {
				d.keys("tab")
				check(d, "after tab")
			}
			for range len(d.m.reader.doc.Lines)/d.m.reader.bodyHeight() + 1 {
				d.keys("space")
				check(d, "after space")
			}
			for _, mark := range hostileMarks[g.Slug] {
				if !strings.Contains(seen, mark) {
					t.Errorf("%s (%s): the attack never shows as %q on screen", g.Slug, style, mark)
				}
			}
		}
	}
}

// TestRobustLargeGuidesRender renders the large generated hostile guides (a
// megabyte on one line, one megabyte-long word, tens of thousands of links,
// ten thousand nested block quotes and list levels, a table two thousand
// columns wide) in full and as a preview (which renders only the start of a
// guide), and opens each in the reader to check its view. How long each
// takes is render.BenchmarkHostileGuide's to measure.
func TestRobustLargeGuidesRender(t *testing.T) {
	dir := t.TempDir()
	guide := func(title, body string) string {
		return "---\ntitle: " + title + "\nsummary: Generated hostile guide.\nreviewed: 2026-11-20\n---\n" + body
	}
	files := map[string]string{
		"long-line.md":     guide("Long line", strings.Repeat("lorem ipsum ", 1<<20/12)),
		"long-word.md":     guide("Long word", strings.Repeat("x", 1<<20)),
		"many-links.md":    guide("Many links", strings.Repeat("[l](/many-links) ", 30000)+"\n"),
		"nested-quotes.md": guide("Nested quotes", strings.Repeat("> ", 10000)+"deep\n"),
		"nested-lists.md":  guide("Nested lists", strings.Repeat("- ", 10000)+"deep\n"),
		"wide-table.md":    guide("Wide table", "|"+strings.Repeat(" a |", 2000)+"\n|"+strings.Repeat("---|", 2000)+"\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib := guides.Load([]guides.Dir{guides.OSDir(dir)}, guides.Options{})
	if n := len(lib.Guides()); n != len(files) {
		t.Fatalf("%d of %d large guides loaded: %v", n, len(files), lib.Problems())
	}
	for _, g := range lib.Guides() {
		r, err := render.New(lib, "dark", 60)
		if err != nil {
			t.Fatal(err)
		}
		pv, err := r.Preview(g)
		if err != nil {
			t.Errorf("%s: preview: %v", g.Slug, err)
		} else if n := len(pv.Lines); n > 2000 {
			t.Errorf("%s: the list's preview rendered %d lines; it renders only the start of a guide", g.Slug, n)
		}

		// Opening the guide renders it in full. Narrower than the list's
		// preview needs, so only the guide renders.
		d := newDriver(t, lib, Options{Slug: g.Slug, Style: "dark"}, 90, 30)
		if d.m.reader.doc == nil {
			t.Errorf("%s: not rendered", g.Slug)
			continue
		}
		d.keys("tab", "G", "/")
		d.typeText("lorem")
		d.keys("enter", "n")
		for _, v := range checkInvariants(d) {
			t.Errorf("%s in the reader: %s: %s", g.Slug, v.kind, v.detail)
		}
	}
}
