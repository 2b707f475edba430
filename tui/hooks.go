package tui

import (
	tea "charm.land/bubbletea/v2"
)

// panicOnKey is a test hook, switched on by PATHWAYS_TEST_PANIC: the first
// key press panics inside Update, so the end-to-end tests can check that a
// crash restores the terminal and reports itself.
type panicOnKey struct{ tea.Model }

func (p panicOnKey) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		panic("PATHWAYS_TEST_PANIC: a test panic inside Update")
	}
	m, cmd := p.Model.Update(msg)
	return panicOnKey{m}, cmd
}
