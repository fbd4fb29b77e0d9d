load "/no/such/file.sps"  # expect error: load: cannot read file '/no/such/file.sps'
