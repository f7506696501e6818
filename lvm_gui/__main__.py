from lvm_gui.cli import main

raise SystemExit(main())
