error "custom failure"  # expect error: custom failure
