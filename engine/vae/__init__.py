"""The VAE panel's engine: image data sets, a VAE and a plain autoencoder, their training and
evaluation (seed 003 §3, seed 000, seed 004)."""
