# A name from another language is answered with how sps writes it, not with the nearest name by spelling.
best = None  # expect error col 8: unknown name 'None'; sps writes it 'nil'
