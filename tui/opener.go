package tui

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"

	tea "charm.land/bubbletea/v2"

	"pathways/guides"
)

// opener finds the program that hands a web address to the system's
// browser: open on macOS, rundll32's URL handler on Windows (no shell, so
// the address is never parsed as a command), xdg-open elsewhere. args come
// before the address.
func opener(goos string, lookPath func(string) (string, error)) (path string, args []string, err error) {
	name := "xdg-open"
	switch goos {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler"}
	}
	if path, err = lookPath(name); err != nil {
		return "", nil, fmt.Errorf("no %s here to open web links", name)
	}
	return path, args, nil
}

// openInBrowser starts the system's opener on url and returns once it has
// started: the browser may outlive pathways, and its output never reaches
// the screen.
func openInBrowser(url string) error {
	path, args, err := opener(runtime.GOOS, exec.LookPath)
	if err != nil {
		return err
	}
	cmd := exec.Command(path, append(args, url)...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() //nolint:errcheck // reaps the opener; its exit says nothing about the page
	return nil
}

// openedMsg reports handing a web link to the system's browser.
type openedMsg struct {
	url string
	err error
}

// openURLCmd opens url with the context's opener, off the UI goroutine.
// Only http and https addresses are opened: an autolink in a guide can
// name any scheme (<file:///…>, or one a local program has registered),
// and the system's opener would hand it to whatever handles that scheme.
func (c *Context) openURLCmd(url string) tea.Cmd {
	if !guides.IsWebURL(url) {
		return func() tea.Msg { return openedMsg{url, errors.New("only http and https addresses open in the browser")} }
	}
	open := c.openURL
	return func() tea.Msg { return openedMsg{url, open(url)} }
}
