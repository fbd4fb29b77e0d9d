record "session.sps"  # expect error: record "file.sps" records what is typed at the prompt; it works only there
