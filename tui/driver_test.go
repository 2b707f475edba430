package tui

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"pathways/guides"
)

// driver runs a Model the way Bubble Tea would, but synchronously: each
// message goes through Update and the commands it returns are run, their
// messages fed back (see runCmd). The app's timers are switched off, so
// every command returns promptly.
type driver struct {
	t    *testing.T
	m    Model
	quit bool
	// opened is what the reader handed to the system's browser.
	opened []string
	// holdIndex keeps each step of the search index in held instead of
	// delivering it, so a test can look at the browser between steps.
	holdIndex bool
	held      []tea.Msg
}

func newDriver(t *testing.T, lib *guides.Library, opts Options, w, h int) *driver {
	t.Helper()
	if opts.Style == "" {
		opts.Style = "notty"
	}
	d := &driver{t: t, m: New(lib, opts)}
	// Status lines would clear after seconds; tests read them instead.
	d.m.ctx.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	// The index is built as soon as the first screen is, not a few
	// frames later.
	d.m.ctx.settle = 0
	// Nothing is launched; web links handed to the browser are listed.
	d.m.ctx.openURL = func(url string) error {
		d.opened = append(d.opened, url)
		return nil
	}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

var embedded = guides.LoadEmbedded()

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	if _, ok := msg.(tea.QuitMsg); ok {
		d.quit = true
		return
	}
	if _, ok := msg.(indexedMsg); ok && d.holdIndex {
		d.held = append(d.held, msg)
		return
	}
	m, cmd := d.m.Update(msg)
	d.m = m.(Model)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) { runCmd(cmd, d.send) }

// runCmd runs a command as Bubble Tea would and delivers what it returns,
// unpacking batches and sequences. It runs on the test's goroutine and waits
// for the command however long it takes: a command that never returns hangs
// the test until go test's -timeout fails it with every goroutine's stack.
// The one kind of command skipped is the text cursor's blink timer, which
// sleeps and comes back for ever; the views under test show no blink.
func runCmd(cmd tea.Cmd, deliver func(tea.Msg)) {
	if cmd == nil || isBlink(cmd) {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(c, deliver)
		}
	default:
		if cmds, ok := sequenceCmds(msg); ok {
			for _, c := range cmds {
				runCmd(c, deliver)
			}
			return
		}
		deliver(msg)
	}
}

// isBlink recognizes the cursor's blink timer by the function it is.
func isBlink(cmd tea.Cmd) bool {
	f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	return f != nil && strings.HasPrefix(f.Name(), "charm.land/bubbles/v2/cursor.")
}

// sequenceCmds unpacks the message of tea.Sequence, whose type is
// unexported: a slice of commands that is not a BatchMsg.
func sequenceCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

// release delivers the first held step of the index; the step it starts
// is held in turn.
func (d *driver) release() {
	d.t.Helper()
	if len(d.held) == 0 {
		d.t.Fatal("no step of the index is waiting")
	}
	msg := d.held[0]
	d.held = d.held[1:]
	m, cmd := d.m.Update(msg)
	d.m = m.(Model)
	d.run(cmd)
}

// keys sends key presses named as Bubble Tea prints them ("tab", "enter",
// "shift+tab", "alt+left") or, for single characters, the character.
func (d *driver) keys(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(keyPress(n))
	}
}

// typeText sends each character of s as a key press.
func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(name string) tea.KeyPressMsg {
	switch name {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "alt+left":
		return tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt}
	case "alt+right":
		return tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModAlt}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+n":
		return tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl}
	case "ctrl+p":
		return tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// slug is the guide the reader shows, or "" when another screen is active.
func (d *driver) slug() string {
	if d.m.screen != screenReader || d.m.reader.guide == nil {
		return ""
	}
	return d.m.reader.guide.Slug
}
