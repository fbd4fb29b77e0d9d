# A drawn hyperparameter needs a default (draw 0 is the default setting).
# expect error: draws: lr is drawn at random but has no default; give default={lr: …} (draw 0 is the default setting)
draws {lr: loguniform 1e-4 1e-2} n=3
