from khojaly_kiosk.cli import main

raise SystemExit(main())
