"""Images and the networks that model them: what the VAE experiments (engine.vae) and the race's
VAE model (engine.estimators.vae_model) share, below both. The data sets (8×8 digits, pole and
shadow, the user's IDX and NPZ files) and their seeded split, the VAE and autoencoder networks,
and their weights files."""
