package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"pathways/guides"
	"pathways/tui/state"
)

// stateOff reports whether saved state is off: --no-state on the command
// line (looked up by name, so any command that inherits the flag works) or
// PATHWAYS_STATE=off.
func (a *app) stateOff(cmd *cobra.Command) bool {
	if f := cmd.Flags().Lookup("no-state"); f != nil && f.Value.String() == "true" {
		return true
	}
	return strings.EqualFold(strings.TrimSpace(a.getenv("PATHWAYS_STATE")), "off")
}

// statePath is $XDG_STATE_HOME/pathways/state.json, read through a.getenv
// so tests can point it elsewhere.
func (a *app) statePath() string {
	if dir := a.getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "pathways", "state.json")
	}
	return state.DefaultPath()
}

// openStore opens the reading state for cmd. The store is never nil; see
// tui.OpenStore for what warning and err mean (err: the store works in memory
// only).
func (a *app) openStore(cmd *cobra.Command) (st *state.Store, warning string, err error) {
	return state.Open(a.statePath(), state.Options{Off: a.stateOff(cmd), Now: a.now})
}

func (a *app) bookmarksCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "bookmarks",
		Short: "List your bookmarks: guide, heading and title, newest first",
		Long:  `List the bookmarks made in the reader with m, newest first. Bookmarks for guides that are not loaded now (say, from a folder not given with --dir) are kept but not listed.`,
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, warning, err := a.openStore(cmd)
			if err != nil {
				return err
			}
			if warning != "" {
				a.errorf("%s", warning)
			}
			lib, err := a.library(false)
			if err != nil {
				return err
			}
			list, hidden := bookmarkRows(lib, store.Bookmarks())
			if hidden > 0 {
				a.errorf("%d bookmark(s) for guides not loaded now are kept but not listed", hidden)
			}
			if asJSON {
				return a.writeJSON(list)
			}
			switch {
			case store.ReadOnly() != nil && len(list) == 0:
				a.errorf("%v", store.ReadOnly())
				return nil
			case len(list) == 0:
				fmt.Fprintln(a.stderr, "no bookmarks yet: press m in the reader to bookmark a section")
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			for _, b := range list {
				where := b.Slug
				if b.Anchor != "" {
					where += "#" + b.Anchor
				}
				heading := b.Heading
				if heading == "" {
					heading = "(top)"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", where, heading, b.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array for scripts")
	return cmd
}

// bookmarkJSON is one bookmark in `bookmarks --json`.
type bookmarkJSON struct {
	Slug    string    `json:"slug"`
	Anchor  string    `json:"anchor"`
	Heading string    `json:"heading"`
	Title   string    `json:"title"`
	Created time.Time `json:"created"`
}

// bookmarkRows pairs bookmarks with their guides, dropping those whose guide
// is not loaded (and counting them). The heading comes from the guide when
// the anchor still exists there, else from what was saved; saved text is
// sanitised, as the state file may have been edited by hand.
func bookmarkRows(lib *guides.Library, bms []state.Bookmark) (rows []bookmarkJSON, hidden int) {
	rows = []bookmarkJSON{}
	for _, b := range bms {
		g, ok := lib.Guide(b.Slug)
		if !ok {
			hidden++
			continue
		}
		heading := guides.SanitizeLine(b.Heading)
		if b.Anchor != "" {
			if h, ok := g.Heading(b.Anchor); ok {
				heading = h.Text
			}
		}
		rows = append(rows, bookmarkJSON{Slug: g.Slug, Anchor: guides.SanitizeLine(b.Anchor),
			Heading: heading, Title: g.Title, Created: b.Created})
	}
	return rows, hidden
}
