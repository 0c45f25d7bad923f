; Inno Setup 6 script: installs the Windows one-folder bundle (dist\khojaly-kiosk\, built by
; packaging\pyinstaller\khojaly-kiosk.spec on Windows; see README.md beside this file).
;   iscc /DAppVersion=0.1.0 packaging\windows\khojaly-kiosk.iss
; writes dist\khojaly-kiosk-0.1.0-setup.exe. NOT TRIED: written on Linux, where neither
; PyInstaller for Windows nor Inno Setup runs.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define DataDir "{commonappdata}\khojaly-kiosk"

[Setup]
AppId={{3E313542-1ACE-4C0D-B956-66E53A2F8254}
AppName=Khojaly memorial kiosk
AppVersion={#AppVersion}
AppPublisher=Khojaly kiosk maintainers
DefaultDirName={autopf}\khojaly-kiosk
DisableProgramGroupPage=yes
DisableDirPage=yes
OutputDir=..\..\dist
OutputBaseFilename=khojaly-kiosk-{#AppVersion}-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
; Every user (the kiosk account, staff's administrator account) finds the same data folder.
ChangesEnvironment=yes
Compression=lzma2/max
SolidCompression=yes
UninstallDisplayName=Khojaly memorial kiosk
UninstallDisplayIcon={app}\khojaly-kiosk.exe
; An upgrade replaces the program only; the data folder (archives, PIN, candles) is not ours to
; touch, and stays after an uninstall too.
CloseApplications=force

[Dirs]
; The kiosk account is a standard user: it must be able to write its data folder.
Name: "{#DataDir}"; Permissions: users-modify; Flags: uninsneveruninstall

[InstallDelete]
; Files of an older bundle that the new one no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\khojaly-kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; Settings: installed once, never overwritten by an upgrade, kept by an uninstall.
Source: "config.toml"; DestDir: "{#DataDir}"; Flags: onlyifdoesntexist uninsneveruninstall

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
  ValueType: expandsz; ValueName: "KHOJALY_DATA_DIR"; ValueData: "{#DataDir}"; \
  Flags: preservestringtype uninsdeletevalue

[Icons]
Name: "{autoprograms}\Khojaly memorial kiosk"; Filename: "{app}\khojaly-kiosk.exe"; \
  Parameters: "run --fullscreen"
Name: "{autoprograms}\Khojaly memorial kiosk (check this PC)"; Filename: "{cmd}"; \
  Parameters: "/k ""{app}\khojaly-kiosk-cli.exe"" doctor"

[Run]
; Builds the demo archive once, as the installing administrator would see it start.
Filename: "{app}\khojaly-kiosk-cli.exe"; Parameters: "doctor"; \
  Description: "Check this PC (fonts, Qt, sound, data folder)"; Flags: postinstall runascurrentuser nowait shellexec skipifsilent
