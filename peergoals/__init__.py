"""PeerGoals: peer-driven goal setting for peer-support programs."""
