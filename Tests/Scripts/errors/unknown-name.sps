print valeu  # expect error: unknown name 'valeu'
