runs store="/no/such/folder/runs.db"  # expect error: run log: cannot open '/no/such/folder/runs.db': the folder '/no/such/folder' does not exist
