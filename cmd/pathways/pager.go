package main

import (
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"

	"github.com/charmbracelet/x/term"
)

// page prints text to standard output, through a pager when that is a
// terminal and text is taller than it: $PAGER, or less -R when PAGER is
// not set and less is found. Text that fits, a pipe, --no-pager, PAGER=cat
// and a pager that cannot start all print directly.
func (a *app) page(text string, noPager bool) error {
	if pager := a.pager(noPager, strings.Count(text, "\n")); pager != nil {
		if in, err := pager.StdinPipe(); err == nil && pager.Start() == nil {
			// ctrl+c is the pager's to handle: pathways must not end
			// under it and leave it without its input.
			interrupts := make(chan os.Signal, 1)
			signal.Notify(interrupts, os.Interrupt)
			defer signal.Stop(interrupts)
			// The pager may be quit before it has read everything.
			_, _ = io.WriteString(in, text)
			_ = in.Close()
			_ = pager.Wait()
			return nil
		}
	}
	_, err := io.WriteString(a.stdout, text)
	return err
}

// pager is the pager command for lines of text, or nil to print directly.
func (a *app) pager(noPager bool, lines int) *exec.Cmd {
	f, ok := a.stdout.(*os.File)
	if noPager || !ok || !isTerminal(f) {
		return nil
	}
	if _, height, err := term.GetSize(f.Fd()); err != nil || lines < height {
		return nil
	}
	args := strings.Fields(a.getenv("PAGER"))
	switch {
	case len(args) == 0:
		args = []string{"less", "-R"}
	case len(args) == 1 && args[0] == "cat":
		return nil
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = f, a.stderr
	// less shows UTF-8 as byte codes in a C locale; show's text is UTF-8.
	if a.getenv("LESSCHARSET") == "" {
		cmd.Env = append(os.Environ(), "LESSCHARSET=utf-8")
	}
	return cmd
}
