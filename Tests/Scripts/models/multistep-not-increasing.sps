s = multisteplr [10, 5]  # expect error: multisteplr: milestones must be increasing epochs >= 1, got [10, 5]
