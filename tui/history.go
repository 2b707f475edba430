package tui

// Place is a position in a guide: what to restore when coming back to it.
type Place struct {
	Slug   string
	Offset int // first visible line
	Focus  int // focused link, -1 for none
	// Via is the screen the guide was picked from (search results, the
	// finder's or the calculator's, bookmarks), where back returns; the
	// zero value (the list) when it was opened from the list or a link.
	Via screen
}

// History is browser-style back and forward over visited places. The zero
// value is empty.
type History struct {
	entries []Place
	cur     int // index of the current place; meaningless when entries is empty
}

// Push records a new current place, dropping any forward entries.
func (h *History) Push(p Place) {
	if len(h.entries) > 0 {
		h.entries = h.entries[:h.cur+1]
	}
	h.entries = append(h.entries, p)
	h.cur = len(h.entries) - 1
}

// Update refreshes the current place (its scroll position and focus) before
// moving away from it; where it was picked from stays.
func (h *History) Update(p Place) {
	if len(h.entries) > 0 && h.entries[h.cur].Slug == p.Slug {
		p.Via = h.entries[h.cur].Via
		h.entries[h.cur] = p
	}
}

// Current returns the current place.
func (h *History) Current() (Place, bool) {
	if len(h.entries) == 0 {
		return Place{}, false
	}
	return h.entries[h.cur], true
}

// CanBack reports whether Back has somewhere to go.
func (h *History) CanBack() bool { return len(h.entries) > 0 && h.cur > 0 }

// CanForward reports whether Forward has somewhere to go.
func (h *History) CanForward() bool { return len(h.entries) > 0 && h.cur < len(h.entries)-1 }

// Back moves to the previous place.
func (h *History) Back() (Place, bool) {
	if !h.CanBack() {
		return Place{}, false
	}
	h.cur--
	return h.entries[h.cur], true
}

// Forward moves to the next place.
func (h *History) Forward() (Place, bool) {
	if !h.CanForward() {
		return Place{}, false
	}
	h.cur++
	return h.entries[h.cur], true
}

// Len is the number of places recorded.
func (h *History) Len() int { return len(h.entries) }

// Clear forgets every place (leaving the reader for the list).
func (h *History) Clear() { h.entries, h.cur = nil, 0 }
