package web

import (
	"crypto/sha256"
	"crypto/tls"
	"database/sql"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

func user(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	rows, _ := db.Query("SELECT * FROM users WHERE id = $1", id)
	defer rows.Close()
}

func ping(host string) ([]byte, error) {
	return exec.Command("ping", "-c", "1", host).Output()
}

func file(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("name"))
	data, _ := os.ReadFile(filepath.Join("/srv/files", name))
	w.Write(data)
}

func sum(data []byte) [32]byte {
	return sha256.Sum256(data)
}

var client = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
