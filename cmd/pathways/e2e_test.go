package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// The end-to-end tests build the real binary and drive it in a real
// pseudo-terminal, reading the screen through a terminal emulator as a user
// would see it.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pathways-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "pathways")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// screen is the binary running in a pseudo-terminal of a fixed size.
type screen struct {
	t     testing.TB
	cmd   *exec.Cmd
	ptmx  *os.File
	tty   *os.File
	mu    sync.Mutex
	emu   *vt.Emulator
	title string
	raw   bytes.Buffer // everything the program wrote
	done  chan error
}

// start runs the binary with its reading state in a fresh folder (unless env
// names another).
func start(t testing.TB, w, h int, env []string, args ...string) *screen {
	t.Helper()
	return startBin(t, binary(t), w, h, env, args...)
}

// startBin is start with a given build of the binary.
func startBin(t testing.TB, bin string, w, h int, env []string, args ...string) *screen {
	t.Helper()
	env = append([]string{"XDG_STATE_HOME=" + t.TempDir()}, env...)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "NO_COLOR=")
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start: %v", err)
	}
	s := &screen{t: t, cmd: cmd, ptmx: ptmx, tty: tty, emu: vt.NewEmulator(w, h), done: make(chan error, 1)}
	s.emu.SetCallbacks(vt.Callbacks{Title: func(title string) { s.title = title }})
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := ptmx.Read(buf)
			if n > 0 {
				s.mu.Lock()
				s.raw.Write(buf[:n])
				_, _ = s.emu.Write(buf[:n])
				s.mu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	// Replies the emulator makes to the program's queries go back to it.
	go func() { _, _ = io.Copy(ptmx, s.emu) }()
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = ptmx.Close()
		_ = tty.Close()
	})
	return s
}

// text is the screen as plain text.
func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.emu.String()
}

// line is one row of the screen.
func (s *screen) line(y int) string {
	lines := strings.Split(s.text(), "\n")
	if y < len(lines) {
		return lines[y]
	}
	return ""
}

// waitFor waits until the screen satisfies ok, failing after a while.
func (s *screen) waitFor(what string, ok func(string) bool) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok(s.text()) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s.text())
}

func (s *screen) waitText(want string) {
	s.t.Helper()
	s.waitFor(fmt.Sprintf("%q", want), func(txt string) bool { return strings.Contains(txt, want) })
}

func (s *screen) send(keys string) {
	s.t.Helper()
	if _, err := s.ptmx.Write([]byte(keys)); err != nil {
		s.t.Fatalf("write keys: %v", err)
	}
}

// settle waits until the program has written nothing new for three polls
// in a row, so that a frame split across reads has fully arrived.
func (s *screen) settle() {
	s.t.Helper()
	last, same := -1, 0
	s.waitFor("the output to settle", func(string) bool {
		s.mu.Lock()
		n := s.raw.Len()
		s.mu.Unlock()
		if n == last {
			same++
		} else {
			last, same = n, 0
		}
		return same >= 3
	})
}

// drain waits until everything the program wrote has reached the
// emulator: a marker written to the terminal now arrives after it.
func (s *screen) drain() {
	s.t.Helper()
	const marker = "\r\n[end of test output]"
	if _, err := s.tty.Write([]byte(marker)); err != nil {
		s.t.Fatalf("write marker: %v", err)
	}
	s.waitFor("the program's last output", func(string) bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return bytes.Contains(s.raw.Bytes(), []byte(marker))
	})
}

// exit waits for the program to end and returns its exit code.
func (s *screen) exit() int {
	s.t.Helper()
	select {
	case err := <-s.done:
		s.drain()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			s.t.Fatalf("wait: %v", err)
		}
		return 0
	case <-time.After(10 * time.Second):
		s.t.Fatalf("program did not exit; screen:\n%s", s.text())
	}
	return -1
}

// assertRestored checks the terminal is as the program found it: main
// screen, cursor visible, echo and line editing on.
func (s *screen) assertRestored() {
	s.t.Helper()
	s.mu.Lock()
	alt, hidden := s.emu.IsAltScreen(), s.emu.CursorHidden()
	s.mu.Unlock()
	if alt {
		s.t.Error("still on the alternate screen after exit")
	}
	if hidden {
		s.t.Error("cursor still hidden after exit")
	}
	tio, err := unix.IoctlGetTermios(int(s.tty.Fd()), unix.TCGETS)
	if err != nil {
		s.t.Fatalf("termios: %v", err)
	}
	if tio.Lflag&unix.ECHO == 0 || tio.Lflag&unix.ICANON == 0 {
		s.t.Errorf("terminal left in raw mode (lflag %#x)", tio.Lflag)
	}
}

const (
	keyEnter     = "\r"
	keyTab       = "\t"
	keyBackspace = "\x7f"
)

// TestE2EBrowse is the journey a new user takes: the list appears; search
// for "spousal" opens the spousal permit guide; a citation shows its
// source and backspace comes back; a link to another guide is followed and
// backspace comes back; help shows; q exits 0 and restores the terminal.
func TestE2EBrowse(t *testing.T) {
	s := start(t, 100, 30, nil)
	s.waitText("18 guides")
	s.waitText("▌ Work permits as a pathway")
	s.waitText("enter open")

	s.send("/")
	s.waitText("Search:")
	s.send("spousal")
	s.waitFor("spousal result first", func(txt string) bool {
		return strings.Contains(txt, "▌ Spousal open work permits")
	})
	s.send(keyEnter)
	s.waitFor("the spousal guide", func(string) bool {
		return strings.HasPrefix(strings.TrimSpace(s.line(0)), "Spousal open work permits") &&
			strings.Contains(s.text(), "In short")
	})
	if !strings.Contains(s.title, "Spousal open work permits") {
		t.Errorf("window title %q does not name the guide", s.title)
	}

	// The status line says where the focused link goes.
	status := func() string {
		lines := strings.Split(strings.TrimRight(s.text(), "\n "), "\n")
		footer := lines[len(lines)-1]
		if i := strings.Index(footer, "→ "); i >= 0 {
			return strings.TrimSpace(footer[i:])
		}
		return ""
	}
	// The first link is a citation: enter shows its source, back returns.
	s.send(keyTab)
	s.waitFor("a citation's source in the status line", func(string) bool { return strings.HasPrefix(status(), "→ source 1: ") })
	s.send(keyEnter)
	s.waitFor("source 1 at the top", func(string) bool { return strings.HasPrefix(strings.TrimSpace(s.line(3)), "1. ") })
	s.send(keyBackspace)
	s.waitFor("back at the citation", func(txt string) bool { return strings.Contains(txt, "## In short") })

	// The glossary's first link is to a guide: enter follows it, back returns.
	s.send("s")
	s.waitText("Search:")
	s.send("\x15glossary") // ctrl+u clears the last query first
	s.waitText("▌ Glossary")
	s.send(keyEnter)
	s.waitFor("the glossary, rendered", func(txt string) bool {
		return strings.HasPrefix(strings.TrimSpace(s.line(0)), "Glossary") && strings.Contains(txt, "## In short")
	})
	s.send(keyTab)
	s.waitFor("the link's target in the status line", func(string) bool { return status() == "→ About these guides" })
	s.send(keyEnter)
	s.waitFor("the linked guide", func(string) bool { return strings.HasPrefix(strings.TrimSpace(s.line(0)), "About these guides") })
	s.send(keyBackspace)
	s.waitFor("back at the glossary", func(string) bool { return strings.HasPrefix(strings.TrimSpace(s.line(0)), "Glossary") })

	// q closes the help and does not quit: the glossary is back.
	s.send("?")
	s.waitText("closes this help.")
	s.send("q")
	s.waitFor("help closed, the guide back", func(txt string) bool {
		return !strings.Contains(txt, "closes this help") && strings.HasPrefix(strings.TrimSpace(s.line(0)), "Glossary")
	})

	s.send("q")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	s.assertRestored()
}

// TestE2EOpenSlugAndCtrlC starts at a guide given on the command line and
// quits with ctrl+c.
func TestE2EOpenSlugAndCtrlC(t *testing.T) {
	s := start(t, 80, 24, nil, "lmia-work-permit-canada")
	s.waitFor("the LMIA guide", func(string) bool {
		return strings.HasPrefix(strings.TrimSpace(s.line(0)), "LMIA work permits")
	})
	s.send("\x03")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d after ctrl+c, want 0", code)
	}
	s.assertRestored()
}

// TestE2EBrokenGuideNotice: a folder with a broken guide file still opens,
// and the browser itself says that a file had problems.
func TestE2EBrokenGuideNotice(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.md"), []byte("---\ntitle: [unclosed\n---\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := start(t, 120, 30, nil, "--dir", dir)
	// On the list, in the footer: not the line printed before the browser
	// took the screen, which says "(run `pathways check` for the list)".
	s.waitFor("the notice on the list", func(txt string) bool {
		return strings.Contains(txt, "guides loaded (`pathways check` lists them)") && strings.HasPrefix(strings.TrimSpace(s.line(0)), "pathways ")
	})
	s.send("j")
	s.waitFor("the notice gone after a key", func(txt string) bool { return !strings.Contains(txt, "problem(s) in guide files") })
	s.send("q")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	s.assertRestored()
}

// TestE2ENoTerminal checks the browser refuses to start without a terminal.
func TestE2ENoTerminal(t *testing.T) {
	out, err := exec.Command(binary(t)).CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != exitUsage {
		t.Fatalf("exit %v, want %d (a usage error)", err, exitUsage)
	}
	if !strings.Contains(string(out), "needs a terminal") || !strings.Contains(string(out), "pathways list") {
		t.Errorf("message %q does not point to list and show", out)
	}
}

// TestE2ECRS is the calculator in the real binary: r from the list, an age
// typed and every other answer left as it is, the score, then enter on its
// first line opens the CRS guide.
func TestE2ECRS(t *testing.T) {
	s := start(t, 100, 40, nil)
	s.waitText("enter open")
	s.send("r")
	s.waitText("Your age, in years")
	s.send("29")
	// Enter through the questions, one at a time: each redraws the form.
	for range 40 {
		if strings.Contains(s.text(), "CRS score:") {
			break
		}
		s.mu.Lock()
		before := s.raw.Len()
		s.mu.Unlock()
		s.send(keyEnter)
		s.waitFor("the next question", func(string) bool {
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.raw.Len() > before
		})
		// A redraw can arrive in several reads: read the screen only once
		// it is whole, or the report's first line may not be there yet and
		// a further enter would follow its first link.
		s.settle()
	}
	s.waitText("CRS score: 110 of 1,200 (scored single)")
	s.waitText("as history, not a prediction")
	s.send(keyEnter)
	s.waitFor("the CRS guide", func(string) bool {
		return strings.HasPrefix(strings.TrimSpace(s.line(0)), "Comprehensive Ranking System (CRS)")
	})
	s.send("q")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
	s.assertRestored()
}
