package tui

import "testing"

func TestHistory(t *testing.T) {
	var h History
	if h.CanBack() || h.CanForward() {
		t.Fatal("empty history can move")
	}
	if _, ok := h.Back(); ok {
		t.Fatal("Back on empty history succeeded")
	}
	h.Push(Place{Slug: "a", Focus: -1})
	h.Update(Place{Slug: "a", Offset: 40, Focus: 3}) // scrolled and focused a link
	h.Push(Place{Slug: "b", Focus: -1})
	h.Push(Place{Slug: "c", Focus: -1})
	if !h.CanBack() || h.CanForward() {
		t.Fatalf("at c: CanBack %v CanForward %v", h.CanBack(), h.CanForward())
	}

	h.Update(Place{Slug: "c", Offset: 7, Focus: -1})
	p, _ := h.Back()
	if p.Slug != "b" {
		t.Fatalf("back from c = %q, want b", p.Slug)
	}
	p, _ = h.Back()
	if p != (Place{Slug: "a", Offset: 40, Focus: 3}) {
		t.Fatalf("back to a = %+v, want its scroll position and focus", p)
	}
	if h.CanBack() {
		t.Fatal("can go back from the first place")
	}
	p, _ = h.Forward()
	p, _ = h.Forward()
	if p != (Place{Slug: "c", Offset: 7, Focus: -1}) {
		t.Fatalf("forward to c = %+v, want offset 7 kept", p)
	}

	// A new visit from the middle drops the forward entries.
	h.Back()
	h.Push(Place{Slug: "d", Focus: -1})
	if h.CanForward() {
		t.Fatal("forward entries survived a new visit")
	}
	if h.Len() != 3 {
		t.Fatalf("len = %d, want 3 (a, b, d)", h.Len())
	}
	if cur, _ := h.Current(); cur.Slug != "d" {
		t.Fatalf("current = %q, want d", cur.Slug)
	}
	// Update of another guide's place is ignored.
	h.Update(Place{Slug: "zzz", Offset: 9})
	if cur, _ := h.Current(); cur.Slug != "d" || cur.Offset != 0 {
		t.Fatalf("current after foreign update = %+v", cur)
	}
	h.Clear()
	if h.Len() != 0 || h.CanBack() {
		t.Fatal("Clear left places")
	}
}

// TestHistoryKeepsWhereAPlaceWasPicked: updating a place's position keeps
// the screen it was picked from, so back still returns there.
func TestHistoryKeepsWhereAPlaceWasPicked(t *testing.T) {
	var h History
	h.Push(Place{Slug: "a", Focus: -1, Via: screenSearch})
	h.Update(Place{Slug: "a", Offset: 12, Focus: -1})
	if p, _ := h.Current(); p != (Place{Slug: "a", Offset: 12, Focus: -1, Via: screenSearch}) {
		t.Errorf("after update: %+v, want the new offset and Via kept", p)
	}
}
