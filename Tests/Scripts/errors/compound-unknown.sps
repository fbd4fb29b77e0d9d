nothing_here += 1  # expect error: unknown name 'nothing_here'
