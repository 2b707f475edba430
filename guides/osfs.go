package guides

import (
	"io/fs"
	"os"
	"path/filepath"
)

// osFS is a folder on disk, like os.DirFS, whose files open without
// waiting: a FIFO or device put where a guide was expected must not hang
// the load (readGuide then sees that it is not a regular file).
type osFS string

func (root osFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := openNoWait(filepath.Join(string(root), filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	return f, nil
}

// openNoWaitFile is what openNoWait returns; *os.File implements both
// fs.File and fs.ReadDirFile.
var _ fs.ReadDirFile = (*os.File)(nil)
