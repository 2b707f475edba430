package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the app, declared once: Update matches
// these, and the help screen shows them.
type KeyMap struct {
	// Everywhere.
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding

	// Moving through a list or a page.
	Up       key.Binding
	Down     key.Binding
	PageDown key.Binding
	PageUp   key.Binding
	HalfDown key.Binding
	HalfUp   key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// Browse.
	Open   key.Binding
	Search key.Binding
	Finder key.Binding
	CRS    key.Binding

	// Reader.
	NextLink  key.Binding
	PrevLink  key.Binding
	Follow    key.Binding
	Back      key.Binding
	Forward   key.Binding
	Find      key.Binding
	FindNext  key.Binding
	FindPrev  key.Binding
	Outline   key.Binding
	SearchAll key.Binding
	CopyURL   key.Binding
	OpenURL   key.Binding
	ToList    key.Binding
	Bookmark  key.Binding

	// The outline, over the reader.
	OutlineGo    key.Binding
	OutlineClose key.Binding

	// Reading state.
	Bookmarks key.Binding
	Remove    key.Binding
	Continue  key.Binding

	// Typing in an input (search pane, find).
	ResultUp   key.Binding
	ResultDown key.Binding
	Accept     key.Binding
	Cancel     key.Binding
}

// DefaultKeyMap returns the bindings pathways ships with.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageDown: key.NewBinding(key.WithKeys("space", "pgdown"), key.WithHelp("space/pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		HalfDown: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "half page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),

		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Search: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search all guides")),
		Finder: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "pathway finder")),
		CRS:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "CRS score")),

		NextLink:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next link")),
		PrevLink:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous link")),
		Follow:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "follow link")),
		Back:      key.NewBinding(key.WithKeys("backspace", "alt+left"), key.WithHelp("backspace/alt+←", "back")),
		Forward:   key.NewBinding(key.WithKeys("alt+right"), key.WithHelp("alt+→", "forward")),
		Find:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find in guide")),
		FindNext:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		FindPrev:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Outline:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "outline")),
		SearchAll: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "search all guides")),
		CopyURL:   key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy link URL")),
		OpenURL:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link in browser")),
		ToList:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "guide list")),
		Bookmark:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "toggle bookmark here")),

		OutlineGo:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to section")),
		OutlineClose: key.NewBinding(key.WithKeys("esc", "t"), key.WithHelp("esc/t", "close outline")),

		Bookmarks: key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "bookmarks")),
		Remove:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove")),
		Continue:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "continue reading")),

		ResultUp:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "previous")),
		ResultDown: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "next")),
		Accept:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// enabled returns b, disabled when it cannot act, so help hides it.
func enabled(b key.Binding, ok bool) key.Binding {
	b.SetEnabled(ok)
	return b
}
