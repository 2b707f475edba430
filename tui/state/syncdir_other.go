//go:build !unix

package state

// noFollow is zero where opening a file cannot refuse a symlink.
const noFollow = 0

// syncDir is a no-op where folders cannot be opened for syncing.
func syncDir(dir string) error { return nil }
