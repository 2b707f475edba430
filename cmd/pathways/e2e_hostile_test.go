package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"pathways/guides"
	"pathways/tui/render"
)

// hostileDir is the hostile corpus (see its README.md), from this package.
const hostileDir = "../../testdata/hostile"

// hostileNow pins the clock so no hostile guide is marked out of date (the
// mark would replace its summary in the list).
const hostileNow = "PATHWAYS_NOW=2026-11-27"

// hostileMarks is how each attack must show on screen: made visible, in
// caret notation or as a code point, where the attack was.
var hostileMarks = map[string][]string{
	"apc": {"^[_"}, "bel": {"^G"}, "bidi-isolate": {"<U+2066>"}, "bidi-override": {"<U+202E>"},
	"c1-controls": {"<U+009B>"}, "csi-body": {"^[[2J"}, "csi-code-block": {"^[[2J"}, "csi-link-text": {"^["},
	"csi-link-url": {"^["}, "csi-summary": {"^[[2J"}, "csi-title": {"^[[2J"}, "dcs": {"^[P"},
	"osc-window-title": {"^[]0;pwned"}, "osc52-clipboard": {"^[]52;"}, "osc8-hyperlink": {"^[]8;;"},
	"overstrike": {"^H", "^M"},
}

// hostileGuides are the hostile guides that load, in library order.
func hostileGuides(t *testing.T) []*guides.Guide {
	t.Helper()
	lib := guides.Load([]guides.Dir{guides.Embedded(), guides.OSDir(hostileDir)}, guides.Options{})
	var out []*guides.Guide
	for _, g := range lib.Guides() {
		if g.Origin != "embedded" {
			out = append(out, g)
		}
	}
	if len(out) < 15 {
		t.Fatalf("only %d hostile guides load", len(out))
	}
	return out
}

var (
	// oscTitle matches window-title sequences: OSC 0, 1 or 2 up to BEL or ST.
	oscTitle = regexp.MustCompile("\x1b\\][012];([^\x07\x1b]*)(?:\x07|\x1b\\\\)")
	// oscLink matches OSC 8 hyperlinks, capturing the target.
	oscLink = regexp.MustCompile("\x1b\\]8;[^;\x07\x1b]*;([^\x07\x1b]*)(?:\x07|\x1b\\\\)")
)

// checkUntouched checks what the program wrote and the terminal it drew on
// for any effect of a hostile guide: a window title that is not pathways',
// a clipboard write, a spoofed hyperlink, a device control or application
// string, C1 controls or bidi overrides, the screen switched away from the
// alternate screen or the app's header gone. running is set while the
// program should still be on screen.
func (s *screen) checkUntouched(running bool, header string) {
	s.t.Helper()
	s.mu.Lock()
	raw := s.raw.Bytes()
	raw = raw[:len(raw):len(raw)]
	title, alt := s.title, s.emu.IsAltScreen()
	s.mu.Unlock()

	if bytes.Contains(raw, []byte("\x1b]52;")) {
		s.t.Error("a clipboard write (OSC 52) reached the terminal")
	}
	for _, m := range oscTitle.FindAllSubmatch(raw, -1) {
		if t := string(m[1]); t != "" && !strings.HasPrefix(t, "pathways") {
			s.t.Errorf("the window title was set to %q", t)
		}
	}
	if strings.Contains(title, "pwned") && !strings.HasPrefix(title, "pathways") {
		s.t.Errorf("window title is %q", title)
	}
	for _, m := range oscLink.FindAllSubmatch(raw, -1) {
		if bytes.Contains(m[1], []byte("spoof")) {
			s.t.Errorf("a hyperlink to %q reached the terminal", m[1])
		}
	}
	for _, intro := range []string{"\x1bP", "\x1b_", "\x1b^", "\x1bX", "\x1b[2;7J", "\x1b]0;pwned", "\x1b]2;pwned"} {
		if i := bytes.Index(raw, []byte(intro)); i >= 0 {
			s.t.Errorf("%q reached the terminal: %q", intro, raw[max(0, i-20):min(len(raw), i+40)])
		}
	}
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			s.t.Errorf("U+%04X reached the terminal at byte %d: %q", r, i, raw[max(0, i-20):min(len(raw), i+20)])
			break
		}
		i += size
	}
	// Problems printed before the browser starts hold no escape: the whole
	// report comes before the first escape the browser writes.
	if i := bytes.IndexByte(raw, 0x1b); i >= 0 && !bytes.Contains(raw[:i], []byte("problem(s) in guide files")) {
		s.t.Errorf("an escape reached the terminal inside the problem report: %q", raw[:min(len(raw), i+40)])
	}
	if running {
		if !alt {
			s.t.Error("the alternate screen was left while the program runs")
		}
		if got := s.line(0); !strings.Contains(got, header) {
			s.t.Errorf("the header line is %q, want it to show %q; screen:\n%s", got, header, s.text())
		}
	}
}

// TestE2EHostileList walks the guide list over the hostile corpus: every
// row's title and summary and every preview is drawn, and none of them
// reaches the terminal as anything but text.
func TestE2EHostileList(t *testing.T) {
	hostile := hostileGuides(t)
	s := start(t, 120, 40, []string{hostileNow}, "--dir", hostileDir)
	s.waitText("guides")
	// The folder's broken files are named in the footer until the first key.
	s.waitText("problem(s) in guide files; the other guides loaded (`pathways check` lists them)")
	seen := s.text()
	total := len(hostile) + len(guides.LoadEmbedded().Guides())
	for range total - 1 {
		before := s.text()
		s.send("j")
		s.waitFor("the selection to move down", func(txt string) bool { return txt != before })
		seen += s.text()
	}
	s.checkUntouched(true, "pathways")
	for _, g := range hostile {
		if !strings.Contains(seen, firstWords(g.Title)) {
			t.Errorf("the list never showed %q", g.Title)
		}
	}
	if !strings.Contains(seen, "^[[2J") {
		t.Error("the escapes in titles and summaries never showed as ^[")
	}
	s.send("q")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	s.checkUntouched(false, "")
	s.assertRestored()
}

// firstWords is the plain start of a title, before its first control
// notation, as the screen shows it.
func firstWords(title string) string {
	if i := strings.IndexAny(title, "^<"); i > 0 {
		title = title[:i]
	}
	return strings.TrimSpace(title)
}

// TestE2EHostileGuides opens each hostile guide that loads with `pathways
// SLUG`, focuses each of its links and scrolls through it: the window title
// stays pathways', the screen stays on the alternate screen with the
// header shown, nothing reaches the clipboard, and each attack shows as
// caret notation where it was. It quits with q or ctrl+c in turn and checks
// the terminal is restored.
func TestE2EHostileGuides(t *testing.T) {
	for i, g := range hostileGuides(t) {
		t.Run(g.Slug, func(t *testing.T) {
			t.Parallel()
			s := start(t, 100, 30, []string{hostileNow}, "--dir", hostileDir, g.Slug)
			header := firstWords(g.Title)
			// The footer shows the reading position, or, until the first
			// key, the notice that other files in the folder are broken.
			s.waitFor("the guide "+g.Slug, func(txt string) bool {
				return strings.Contains(s.line(0), header) && !strings.Contains(txt, "Rendering") &&
					(strings.Contains(txt, "%") || strings.Contains(txt, "problem(s) in guide files"))
			})
			seen := s.text()
			for range len(g.Links()) + 1 {
				s.send(keyTab)
				seen += s.text()
			}
			for range 3 {
				s.send(" ")
				seen += s.text()
			}
			s.checkUntouched(true, header)
			if g.Slug != "csi-summary" { // the summary shows in the list
				for _, mark := range hostileMarks[g.Slug] {
					if !strings.Contains(seen, mark) {
						t.Errorf("the attack never showed as %q; last screen:\n%s", mark, s.text())
					}
				}
			}
			quit := "q"
			if i%2 == 1 {
				quit = "\x03"
			}
			s.send(quit)
			if code := s.exit(); code != 0 {
				t.Errorf("exit code %d after %q, want 0", code, quit)
			}
			s.checkUntouched(false, "")
			s.assertRestored()
		})
	}
}

// TestE2ERestoreOnSignal sends SIGTERM, SIGHUP, SIGQUIT and SIGUSR1 to the
// running browser: it must end and leave the terminal as it found it.
func TestE2ERestoreOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGUSR1} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			s := start(t, 80, 24, nil, "lmia-work-permit-canada")
			s.waitFor("the LMIA guide", func(string) bool {
				return strings.HasPrefix(strings.TrimSpace(s.line(0)), "LMIA work permits")
			})
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code := s.exit()
			t.Logf("exit code %d after %v", code, sig)
			s.assertRestored()
		})
	}
}

// panicEnv makes the browser panic inside Update on its first key press
// (a test hook in tui/run.go), to check the terminal is restored after a
// crash.
const panicEnv = "PATHWAYS_TEST_PANIC=1"

// TestE2ERestoreOnPanic makes the browser panic: the terminal is restored,
// the exit code is not 0 and a message says what happened.
func TestE2ERestoreOnPanic(t *testing.T) {
	s := start(t, 80, 24, []string{panicEnv})
	s.waitText("enter open")
	s.send("j")
	code := s.exit()
	if code == 0 {
		t.Errorf("exit code 0 after a panic, want non-zero")
	}
	s.mu.Lock()
	out := s.raw.String()
	s.mu.Unlock()
	if !strings.Contains(out, "pathways: the browser stopped") || !strings.Contains(out, "panic") {
		t.Errorf("no clear message after the panic; output ends:\n%q", out[max(0, len(out)-600):])
	}
	s.assertRestored()
}

// TestHostileCommands runs the printing commands (list, check, search and
// show, plain and coloured) over the hostile corpus: their output carries
// no control sequence from a guide, and check names the broken files.
func TestHostileCommands(t *testing.T) {
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(binary(t), append([]string{"--dir", hostileDir}, args...)...)
		cmd.Env = append(cmd.Environ(), hostileNow, "NO_COLOR=", "XDG_STATE_HOME="+t.TempDir())
		done := make(chan struct{})
		var out []byte
		go func() {
			defer close(done)
			out, _ = cmd.CombinedOutput()
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("pathways %s did not finish", strings.Join(args, " "))
		}
		return string(out)
	}
	type call struct {
		args   []string
		styled bool // may hold pathways' own styling (SGR, OSC 8)
	}
	calls := []call{
		{[]string{"list"}, false}, {[]string{"list", "--json"}, false}, {[]string{"check"}, false},
		{[]string{"search", "pwned"}, false}, {[]string{"search", "hostile"}, false}, {[]string{"search", "\x1b[2J"}, false},
		{[]string{"show", "\x1b]0;pwned\x07"}, false},
	}
	for _, g := range hostileGuides(t) {
		calls = append(calls, call{[]string{"show", g.Slug}, false}, call{[]string{"show", "--style", "dark", g.Slug}, true})
	}
	for _, c := range calls {
		out := run(c.args...)
		if what := unsafeOutput(out, c.styled); what != "" {
			t.Errorf("pathways %q: %s", c.args, what)
		}
	}
	// Control characters in a folder's and a file's name (they cannot be
	// committed, so they are made here).
	named := filepath.Join(t.TempDir(), "dir-\x1b[2J\u202e")
	if err := os.MkdirAll(named, 0o755); err != nil {
		t.Fatal(err)
	}
	evil := "---\ntitle: Hostile file name\nsummary: The file name holds escapes.\nslug: hostile-file-name\nreviewed: 2026-11-20\n---\nBody.\n"
	if err := os.WriteFile(filepath.Join(named, "name-\x1b]0;pwned\x07-\u202e.md"), []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(named, "\x1b[2J.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"check"}, {"show", "hostile-file-name"}, {"search", "hostile"}} {
		out := run(append([]string{"--dir", named}, args...)...)
		if what := unsafeOutput(out, false); what != "" {
			t.Errorf("pathways %q with hostile file names: %s", args, what)
		}
	}

	check := run("check")
	for _, want := range []string{"empty.md: empty file", "nul-bytes.md:6: binary file", "yaml-bomb.md:5: YAML anchors",
		"invalid-utf8.md:6: not valid UTF-8", "unterminated-front-matter.md:1: front matter is not closed"} {
		if !strings.Contains(check, want) {
			t.Errorf("check does not report %q:\n%s", want, check)
		}
	}
}

// unsafeOutput describes the first thing in printed output that a terminal
// would act on (render.Unsafe), or a hyperlink to the spoof target the
// hostile corpus uses, or returns "".
func unsafeOutput(s string, styled bool) string {
	if m := oscLink.FindStringSubmatch(s); m != nil && strings.Contains(m[1], "spoof") {
		return fmt.Sprintf("a hyperlink to %q", m[1])
	}
	return render.Unsafe(s, styled)
}

var sgr = regexp.MustCompile("^\x1b\\[[0-9;:]*m")

// TestHostileCheckers keeps the checkers above honest: they catch each kind
// of attack and pass pathways' own output.
func TestHostileCheckers(t *testing.T) {
	for _, s := range []string{"\x1b[2J", "\x1b]0;pwned\x07", "\x07", "a\bb", "a\rb", "\u009b1m", "\u202e", "\u2069"} {
		if unsafeOutput(s, true) == "" {
			t.Errorf("unsafeOutput(%q) found nothing", s)
		}
	}
	if unsafeOutput("\x1b]8;;https://spoof.invalid/\x1b\\x\x1b]8;;\x1b\\", true) == "" {
		t.Error("unsafeOutput let a spoofed hyperlink through")
	}
	for _, s := range []string{"plain\n\ttext ^[[2J <U+202E>", "\x1b[1;38;5;111mstyled\x1b[m\x1b]8;;https://www.canada.ca/\x1b\\l\x1b]8;;\x1b\\"} {
		if what := unsafeOutput(s, true); what != "" {
			t.Errorf("unsafeOutput(%q) = %s", s, what)
		}
	}
	if unsafeOutput("\x1b[1mstyled\x1b[m", false) == "" {
		t.Error("unsafeOutput allowed styling in plain output")
	}
	raw := []byte("\x1b]2;pathways\x07\x1b]0;pwned\x1b\\\x1b]8;;https://spoof.invalid\x07")
	if m := oscTitle.FindAllSubmatch(raw, -1); len(m) != 2 || string(m[1][1]) != "pwned" {
		t.Errorf("oscTitle found %q", m)
	}
	if m := oscLink.FindSubmatch(raw); m == nil || string(m[1]) != "https://spoof.invalid" {
		t.Errorf("oscLink found %q", m)
	}
}
