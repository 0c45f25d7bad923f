<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="+157"/>
        <source>About Khojaly</source>
        <translation>About Khojaly</translation>
    </message>
</context>
<context>
    <name>Advisory</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/testimonies.py" line="+31"/>
        <source>Advisory: graphic descriptions</source>
        <translation>Advisory: graphic descriptions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advisory: distressing</source>
        <translation>Advisory: distressing</translation>
    </message>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/advisory.py" line="+35"/>
        <source>The account of %1 contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>The account of %1 contains graphic descriptions of killing, torture and mutilation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>This account contains graphic descriptions of killing, torture and mutilation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account of %1 describes the deaths and suffering of civilians.</source>
        <translation>The account of %1 describes the deaths and suffering of civilians.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account describes the deaths and suffering of civilians.</source>
        <translation>This account describes the deaths and suffering of civilians.</translation>
    </message>
</context>
<context>
    <name>AdvisoryCard</name>
    <message>
        <location line="+89"/>
        <source>Content advisory</source>
        <translation>Content advisory</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is your choice whether to read it.</source>
        <translation>It is your choice whether to read it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the account</source>
        <translation>Read the account</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/attract.py" line="+192"/>
        <source>Touch to begin</source>
        <translation>Touch to begin</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Khojaly 1992</source>
        <translation>Khojaly 1992</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>25–26 February 1992</source>
        <translation>25–26 February 1992</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
</context>
<context>
    <name>CandleField</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/candle.py" line="+47"/>
        <source>Candles</source>
        <translation>Candles</translation>
    </message>
</context>
<context>
    <name>ClosedOverlay</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/closed.py" line="+104"/>
        <source>Closed. Touch the screen to wake it.</source>
        <translation>Closed. Touch the screen to wake it.</translation>
    </message>
</context>
<context>
    <name>CommemorationScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/commemoration.py" line="+46"/>
        <source>Commemoration</source>
        <translation>Commemoration</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figures recorded in the sources.</source>
        <translation>The figures recorded in the sources.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names of the people commemorated.</source>
        <translation>Names of the people commemorated.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countries, US states and organisations.</source>
        <translation>Countries, US states and organisations.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Monuments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memorials and where they stand.</source>
        <translation>Memorials and where they stand.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Remembrance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light a candle.</source>
        <translation>Light a candle.</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/countdown.py" line="+77"/>
        <source>Returning to the start in %n seconds.</source>
        <translation>
            <numerusform>Returning to the start in %n second.</numerusform>
            <numerusform>Returning to the start in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Credit</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/credit.py" line="+42"/>
        <source>%1 and %2</source>
        <translation>%1 and %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2</source>
        <translation>%1, quoting %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, reporting on %2</source>
        <translation>%1, reporting on %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2; reporting on %3</source>
        <translation>%1, quoting %2; reporting on %3</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/home.py" line="+102"/>
        <source>Khojaly 1992</source>
        <translation>Khojaly 1992</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25–26 February 1992</source>
        <translation>25–26 February 1992</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testimonies</source>
        <translation>Testimonies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-hand accounts of survivors, rescuers and journalists.</source>
        <translation>First-hand accounts of survivors, rescuers and journalists.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n testimonies</source>
        <translation>
            <numerusform>%n testimony</numerusform>
            <numerusform>%n testimonies</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The events in order, each with its source.</source>
        <translation>The events in order, each with its source.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commemoration</source>
        <translation>Commemoration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names, figures, recognition and remembrance.</source>
        <translation>Names, figures, recognition and remembrance.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Monuments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remembrance</source>
        <translation>Remembrance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where every item in this exhibit comes from.</source>
        <translation>Where every item in this exhibit comes from.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sources</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Khojaly</source>
        <translation>About Khojaly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The town, the siege and the night, as the sources describe them.</source>
        <translation>The town, the siege and the night, as the sources describe them.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal assessment</source>
        <translation>Legal assessment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualification of the crime, investigation and judgments.</source>
        <translation>Qualification of the crime, investigation and judgments.</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/language_picker.py" line="+109"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>LegalScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="+9"/>
        <source>Legal assessment</source>
        <translation>Legal assessment</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_player.py" line="+256"/>
        <source>Position in the recording</source>
        <translation>Position in the recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This recording cannot be played on this kiosk.</source>
        <translation>This recording cannot be played on this kiosk.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_view.py" line="+106"/>
        <source>Image not available</source>
        <translation>Image not available</translation>
    </message>
</context>
<context>
    <name>MonumentsScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/monuments.py" line="+78"/>
        <source>Monuments</source>
        <translation>Monuments</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No monuments are recorded in this archive yet.</source>
        <translation>No monuments are recorded in this archive yet.</translation>
    </message>
</context>
<context>
    <name>NameScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/name.py" line="+80"/>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Born in %1</source>
        <translation>Born in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age %1</source>
        <translation>Age %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village: %1</source>
        <translation>Village: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>In the words of %1.</source>
        <translation>In the words of %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the whole testimony</source>
        <translation>Read the whole testimony</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the names</source>
        <translation>Back to the names</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This name is not in the archive.</source>
        <translation>This name is not in the archive.</translation>
    </message>
</context>
<context>
    <name>NamesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/names.py" line="+114"/>
        <source>Names</source>
        <extracomment>The statistics group whose first figure is the number of lives lost (the honest line says how many of them the archive names; the statistics screen titles it &quot;Lives lost&quot;).</extracomment>
        <translation>Names</translation>
    </message>
    <message>
        <location line="+135"/>
        <location line="+1"/>
        <source>Search for a name</source>
        <translation>Search for a name</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No names are recorded in this archive yet.</source>
        <translation>No names are recorded in this archive yet.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>born %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age %1</source>
        <translation>age %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 of the %2 lives lost are named in this archive; names are added only from documented sources.</source>
        <translation>%1 of the %2 lives lost are named in this archive; names are added only from documented sources.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n names are recorded in this archive.</source>
        <translation>
            <numerusform>%n name is recorded in this archive.</numerusform>
            <numerusform>%n names are recorded in this archive.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recorded name matches “%1”.</source>
        <translation>No recorded name matches “%1”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the first letters of a first name or a surname, in any alphabet.</source>
        <translation>Try the first letters of a first name or a surname, in any alphabet.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Names are added only from documented sources.</source>
        <translation>Names are added only from documented sources.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/keyboard.py" line="+284"/>
        <location line="+3"/>
        <source>Space</source>
        <extracomment>Every layout is placed on a grid this many letter keys wide (the widest row of any layout), so keys stay put when the layout changes.</extracomment>
        <translation>Space</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Delete everything typed</source>
        <translation>Delete everything typed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the last letter</source>
        <translation>Delete the last letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capital letter</source>
        <translation>Capital letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the next letter as a capital</source>
        <translation>Type the next letter as a capital</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard language</source>
        <translation>Keyboard language</translation>
    </message>
</context>
<context>
    <name>PassagesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="-68"/>
        <source>Nothing is recorded in this section of the archive yet.</source>
        <translation>Nothing is recorded in this section of the archive yet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Shown in its original language</source>
        <translation>Shown in its original language</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/staff/pinpad.py" line="+139"/>
        <source>Try again in %n seconds.</source>
        <translation>
            <numerusform>Try again in %n second.</numerusform>
            <numerusform>Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Staff PIN</source>
        <translation>Staff PIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Back to visitors</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/qr.py" line="+87"/>
        <source>Continue reading on your phone:</source>
        <translation>Continue reading on your phone:</translation>
    </message>
</context>
<context>
    <name>ReaderScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/reader.py" line="+202"/>
        <source>Testimony</source>
        <translation>Testimony</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Previous testimony</source>
        <translation>Previous testimony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next testimony</source>
        <translation>Next testimony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See this source</source>
        <translation>See this source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This testimony is not available.</source>
        <translation>This testimony is not available.</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Shown in its original language</source>
        <translation>Shown in its original language</translation>
    </message>
</context>
<context>
    <name>RecognitionScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/recognition.py" line="+77"/>
        <source>Recognition</source>
        <extracomment>The order of the groups on screen; other kinds follow in archive order.</extracomment>
        <translation>Recognition</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No recognitions are recorded in this archive yet.</source>
        <translation>No recognitions are recorded in this archive yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Countries</source>
        <translation>Countries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US states</source>
        <translation>US states</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
</context>
<context>
    <name>RemembranceScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/remembrance.py" line="+74"/>
        <source>Remembrance</source>
        <extracomment>Taps closer together than this light one candle, not many (a tap storm is one gesture).</extracomment>
        <translation>Remembrance</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No candles have been lit yet.</source>
        <translation>No candles have been lit yet.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n candles lit</source>
        <translation>
            <numerusform>%n candle lit</numerusform>
            <numerusform>%n candles lit</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Light a candle</source>
        <translation>Light a candle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle could not be kept just now.</source>
        <translation>Your candle could not be kept just now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle is lit.</source>
        <translation>Your candle is lit.</translation>
    </message>
</context>
<context>
    <name>SegmentIndex</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/segment_index.py" line="+95"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
</context>
<context>
    <name>SideButton</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/buttons.py" line="+156"/>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>SourceLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/chips.py" line="+162"/>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this source</source>
        <translation>Open this source</translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/source_strip.py" line="+75"/>
        <source>Every item in this exhibit names its source.</source>
        <translation>Every item in this exhibit names its source.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/sources.py" line="+40"/>
        <source>Books</source>
        <translation>Books</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newspapers and agencies</source>
        <translation>Newspapers and agencies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation files</source>
        <translation>Investigation files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interviews</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentaries and broadcasts</source>
        <translation>Documentaries and broadcasts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court records</source>
        <translation>Court records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Official documents</source>
        <translation>Official documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compilations</source>
        <translation>Compilations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Testimony</source>
        <translation>Testimony</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monument</source>
        <translation>Monument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About Khojaly</source>
        <translation>About Khojaly</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal assessment</source>
        <translation>Legal assessment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Remembrance</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Quoted in:</source>
        <translation>Quoted in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported in:</source>
        <translation>Reported in:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The text this exhibition is built from. Every item on this kiosk is taken from it; the words it quotes are credited to the sources it names.</source>
        <translation>The text this exhibition is built from. Every item on this kiosk is taken from it; the words it quotes are credited to the sources it names.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shipped with this archive as the file %1 (SHA-256 %2).</source>
        <translation>Shipped with this archive as the file %1 (SHA-256 %2).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>and %n more</source>
        <translation>and %n more</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Cited by:</source>
        <translation>Cited by:</translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message>
        <location line="+108"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every item in this exhibit names the source it comes from.</source>
        <translation>Every item in this exhibit names the source it comes from.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sources are recorded in this archive.</source>
        <translation>No sources are recorded in this archive.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/panel.py" line="+240"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generation: %1</source>
        <translation>Generation: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package version: %1</source>
        <translation>Package version: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Package: %1</source>
        <translation>Package: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Translations: %1</source>
        <translation>Translations: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrity: %1</source>
        <translation>Integrity: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free disk space: %1</source>
        <translation>Free disk space: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 % of %3 segments</source>
        <translation>%1: %2 % of %3 segments</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n stale</source>
        <translation>
            <numerusform>, %n stale</numerusform>
            <numerusform>, %n stale</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No package found. Insert a USB stick with a package and tap Find packages.</source>
        <translation>No package found. Insert a USB stick with a package and tap Find packages.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Testimonies</source>
        <translation>Testimonies</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eras</source>
        <translation>Eras</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognitions</source>
        <translation>Recognitions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Monuments</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Media files</source>
        <translation>Media files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translations</source>
        <translation>Translations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Screens viewed</source>
        <translation>Screens viewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testimonies opened</source>
        <translation>Testimonies opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches</source>
        <translation>Searches</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candles lit</source>
        <translation>Candles lit</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing %1</source>
        <translation>Importing %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Going back to the previous archive</source>
        <translation>Going back to the previous archive</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Done.</source>
        <translation>Done.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Not done.</source>
        <translation>Not done.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong; the details are in the kiosk log.</source>
        <translation>Something went wrong; the details are in the kiosk log.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a content package</source>
        <translation>Import a content package</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use of the kiosk</source>
        <translation>Use of the kiosk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits by hour, last %1 days</source>
        <translation>Visits by hour, last %1 days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find packages</source>
        <translation>Find packages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous archive</source>
        <translation>Previous archive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap again to go back</source>
        <translation>Tap again to go back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Back to visitors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart kiosk</source>
        <translation>Restart kiosk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to restart</source>
        <translation>Tap again to restart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit to desktop</source>
        <translation>Exit to desktop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to exit</source>
        <translation>Tap again to exit</translation>
    </message>
</context>
<context>
    <name>StaffSettings</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/settings.py" line="+73"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has changed.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return to the start after</source>
        <translation>Return to the start after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default language</source>
        <translation>Default language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always open</source>
        <translation>Always open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens at</source>
        <translation>Opens at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes at</source>
        <translation>Closes at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
</context>
<context>
    <name>StaffStatus</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/flow.py" line="+107"/>
        <source>No archive is live.</source>
        <translation>No archive is live.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The archive is intact.</source>
        <translation>The archive is intact.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem: %1</source>
        <translation>Problem: %1</translation>
    </message>
</context>
<context>
    <name>StatisticsScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/statistics.py" line="+63"/>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No statistics are recorded in this archive yet.</source>
        <translation>No statistics are recorded in this archive yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lives lost</source>
        <translation>Lives lost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destruction</source>
        <translation>Destruction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The assault</source>
        <translation>The assault</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
</context>
<context>
    <name>TestimoniesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/testimonies.py" line="+47"/>
        <source>Testimonies</source>
        <translation>Testimonies</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survivors</source>
        <translation>Survivors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescuers and officials</source>
        <translation>Rescuers and officials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journalists</source>
        <translation>Journalists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Human-rights reports</source>
        <translation>Human-rights reports</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no testimonies in this group yet.</source>
        <translation>There are no testimonies in this group yet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Shown in its original language</source>
        <translation>Shown in its original language</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/timeline.py" line="+153"/>
        <location line="+114"/>
        <location line="+14"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Previous event</source>
        <translation>Previous event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next event</source>
        <translation>Next event</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n events, each with its source.</source>
        <translation>
            <numerusform>%n event, with its source.</numerusform>
            <numerusform>%n events, each with its source.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Swipe the page, tap the arrows or drag the time line below to move through the events; pinch the time line or use + and – to zoom.</source>
        <translation>Swipe the page, tap the arrows or drag the time line below to move through the events; pinch the time line or use + and – to zoom.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The timeline holds no events yet.</source>
        <translation>The timeline holds no events yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in on the time line</source>
        <translation>Zoom in on the time line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out on the time line</source>
        <translation>Zoom out on the time line</translation>
    </message>
</context>
<context>
    <name>TimelineSlide</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/timeline_slide.py" line="+282"/>
        <source>Next event</source>
        <extracomment>Reading column limit: ~70 characters at 26-28 px.</extracomment>
        <translation>Next event</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown in the language of the source.</source>
        <translation>Shown in the language of the source.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/topbar.py" line="+84"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Text size: %1 times</source>
        <translation>Text size: %1 times</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High contrast: on</source>
        <translation>High contrast: on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>High contrast: off</source>
        <translation>High contrast: off</translation>
    </message>
</context>
<context>
    <name>TranslationCreditLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/translation_credit.py" line="+56"/>
        <source>Show the translation</source>
        <translation>Show the translation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reviewed by %1.</source>
        <translation>Reviewed by %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the original</source>
        <translation>Show the original</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Translated from English by %1.</source>
        <translation>Translated from English by %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani by %1.</source>
        <translation>Translated from Azerbaijani by %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian by %1.</source>
        <translation>Translated from Russian by %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish by %1.</source>
        <translation>Translated from Turkish by %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translated from English.</source>
        <translation>Translated from English.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani.</source>
        <translation>Translated from Azerbaijani.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian.</source>
        <translation>Translated from Russian.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish.</source>
        <translation>Translated from Turkish.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The original, in English.</source>
        <translation>The original, in English.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Azerbaijani.</source>
        <translation>The original, in Azerbaijani.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Russian.</source>
        <translation>The original, in Russian.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Turkish.</source>
        <translation>The original, in Turkish.</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/unavailable.py" line="+36"/>
        <source>This exhibit is temporarily unavailable.</source>
        <translation>This exhibit is temporarily unavailable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please ask a member of staff for help.</source>
        <translation>Please ask a member of staff for help.</translation>
    </message>
</context>
</TS>
