"""Review of a published LKjIP: findings and the checks that make them."""
