<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az" sourcelanguage="en">
<context>
    <name>AboutScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="+157"/>
        <source>About Khojaly</source>
        <translation>Xocalı haqqında</translation>
    </message>
</context>
<context>
    <name>Advisory</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/testimonies.py" line="+31"/>
        <source>Advisory: graphic descriptions</source>
        <translation>Xəbərdarlıq: ağır təsvirlər</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advisory: distressing</source>
        <translation>Xəbərdarlıq: sarsıdıcı məzmun</translation>
    </message>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/advisory.py" line="+35"/>
        <source>The account of %1 contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>%1 adlı şahidin ifadəsində qətl, işgəncə və meyitlərin eybəcər hala salınmasının ağır təsvirləri var.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>Bu ifadədə qətl, işgəncə və meyitlərin eybəcər hala salınmasının ağır təsvirləri var.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account of %1 describes the deaths and suffering of civilians.</source>
        <translation>%1 adlı şahidin ifadəsi dinc sakinlərin ölümündən və iztirablarından bəhs edir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account describes the deaths and suffering of civilians.</source>
        <translation>Bu ifadə dinc sakinlərin ölümündən və iztirablarından bəhs edir.</translation>
    </message>
</context>
<context>
    <name>AdvisoryCard</name>
    <message>
        <location line="+89"/>
        <source>Content advisory</source>
        <translation>Məzmun barədə xəbərdarlıq</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is your choice whether to read it.</source>
        <translation>Oxuyub-oxumamaq sizin seçiminizdir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list</source>
        <translation>Siyahıya qayıt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the account</source>
        <translation>İfadəni oxu</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/attract.py" line="+192"/>
        <source>Touch to begin</source>
        <translation>Başlamaq üçün toxunun</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Khojaly 1992</source>
        <translation>Xocalı 1992</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>25–26 February 1992</source>
        <translation>25–26 fevral 1992</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Source: %1</source>
        <translation>Mənbə: %1</translation>
    </message>
</context>
<context>
    <name>CandleField</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/candle.py" line="+47"/>
        <source>Candles</source>
        <translation>Şamlar</translation>
    </message>
</context>
<context>
    <name>ClosedOverlay</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/closed.py" line="+104"/>
        <source>Closed. Touch the screen to wake it.</source>
        <translation>Bağlıdır. Ekranı oyatmaq üçün toxunun.</translation>
    </message>
</context>
<context>
    <name>CommemorationScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/commemoration.py" line="+46"/>
        <source>Commemoration</source>
        <translation>Anım</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics</source>
        <translation>Statistika</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figures recorded in the sources.</source>
        <translation>Mənbələrdə qeydə alınmış rəqəmlər.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Adlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names of the people commemorated.</source>
        <translation>Xatirəsi yad edilən insanların adları.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Tanınma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countries, US states and organisations.</source>
        <translation>Ölkələr, ABŞ ştatları və təşkilatlar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Abidələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memorials and where they stand.</source>
        <translation>Xatirə abidələri və onların yerləri.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Xatirə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light a candle.</source>
        <translation>Şam yandırın.</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/countdown.py" line="+77"/>
        <source>Returning to the start in %n seconds.</source>
        <translation>
            <numerusform>%n saniyədən sonra başlanğıca qayıdılacaq.</numerusform>
            <numerusform>%n saniyədən sonra başlanğıca qayıdılacaq.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Are you still there?</source>
        <translation>Hələ buradasınız?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Davam et</translation>
    </message>
</context>
<context>
    <name>Credit</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/credit.py" line="+42"/>
        <source>%1 and %2</source>
        <translation>%1 və %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2</source>
        <translation>%1; sitat: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, reporting on %2</source>
        <translation>%1; istinad: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2; reporting on %3</source>
        <translation>%1; sitat: %2; istinad: %3</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/home.py" line="+102"/>
        <source>Khojaly 1992</source>
        <translation>Xocalı 1992</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25–26 February 1992</source>
        <translation>25–26 fevral 1992</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testimonies</source>
        <translation>Şahid ifadələri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-hand accounts of survivors, rescuers and journalists.</source>
        <translation>Sağ qalanların, xilasedicilərin və jurnalistlərin şəxsi ifadələri.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n testimonies</source>
        <translation>
            <numerusform>%n ifadə</numerusform>
            <numerusform>%n ifadə</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>Xronologiya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The events in order, each with its source.</source>
        <translation>Hadisələr ardıcıllıqla, hər biri mənbəyi ilə.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n events</source>
        <translation>
            <numerusform>%n hadisə</numerusform>
            <numerusform>%n hadisə</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commemoration</source>
        <translation>Anım</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names, figures, recognition and remembrance.</source>
        <translation>Adlar, rəqəmlər, tanınma və xatirə.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>Statistika</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Names</source>
        <translation>Adlar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognition</source>
        <translation>Tanınma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Abidələr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remembrance</source>
        <translation>Xatirə</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where every item in this exhibit comes from.</source>
        <translation>Bu sərgidəki hər materialın mənbəyi.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sources</source>
        <translation>
            <numerusform>%n mənbə</numerusform>
            <numerusform>%n mənbə</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Khojaly</source>
        <translation>Xocalı haqqında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The town, the siege and the night, as the sources describe them.</source>
        <translation>Şəhər, mühasirə və o gecə — mənbələrin təsvirində.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal assessment</source>
        <translation>Hüquqi qiymət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualification of the crime, investigation and judgments.</source>
        <translation>Cinayətin tövsifi, istintaq və məhkəmə qərarları.</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/language_picker.py" line="+109"/>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
</context>
<context>
    <name>LegalScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="+9"/>
        <source>Legal assessment</source>
        <translation>Hüquqi qiymət</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_player.py" line="+256"/>
        <source>Position in the recording</source>
        <translation>Yazıda mövqe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This recording cannot be played on this kiosk.</source>
        <translation>Bu yazını bu kioskda oxutmaq mümkün deyil.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Pause</source>
        <translation>Fasilə</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Oxut</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_view.py" line="+106"/>
        <source>Image not available</source>
        <translation>Təsvir mövcud deyil</translation>
    </message>
</context>
<context>
    <name>MonumentsScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/monuments.py" line="+78"/>
        <source>Monuments</source>
        <translation>Abidələr</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No monuments are recorded in this archive yet.</source>
        <translation>Bu arxivdə hələ abidə qeydə alınmayıb.</translation>
    </message>
</context>
<context>
    <name>NameScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/name.py" line="+80"/>
        <source>Names</source>
        <translation>Adlar</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Born in %1</source>
        <translation>Doğum ili: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age %1</source>
        <translation>Yaşı: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village: %1</source>
        <translation>Kənd: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>In the words of %1.</source>
        <translation>Danışan: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the whole testimony</source>
        <translation>İfadənin tam mətnini oxuyun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the names</source>
        <translation>Adlara qayıt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This name is not in the archive.</source>
        <translation>Bu ad arxivdə yoxdur.</translation>
    </message>
</context>
<context>
    <name>NamesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/names.py" line="+114"/>
        <source>Names</source>
        <extracomment>The statistics group whose first figure is the number of lives lost (the honest line says how many of them the archive names; the statistics screen titles it &quot;Lives lost&quot;).</extracomment>
        <translation>Adlar</translation>
    </message>
    <message>
        <location line="+135"/>
        <location line="+1"/>
        <source>Search for a name</source>
        <translation>Ad axtarın</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No names are recorded in this archive yet.</source>
        <translation>Bu arxivdə hələ ad qeydə alınmayıb.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>born %1</source>
        <translation>doğum ili %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age %1</source>
        <translation>%1 yaş</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 of the %2 lives lost are named in this archive; names are added only from documented sources.</source>
        <translation>Həlak olan %2 nəfərdən %1 nəfərin adı bu arxivdədir; adlar yalnız sənədli mənbələrdən əlavə edilir.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n names are recorded in this archive.</source>
        <translation>
            <numerusform>Bu arxivdə %n ad qeydə alınıb.</numerusform>
            <numerusform>Bu arxivdə %n ad qeydə alınıb.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recorded name matches “%1”.</source>
        <translation>“%1” sorğusuna uyğun qeydə alınmış ad yoxdur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the first letters of a first name or a surname, in any alphabet.</source>
        <translation>Ad və ya soyadın ilk hərflərini istənilən əlifba ilə yazın.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Names are added only from documented sources.</source>
        <translation>Adlar yalnız sənədləşdirilmiş mənbələrdən əlavə olunur.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/keyboard.py" line="+284"/>
        <location line="+3"/>
        <source>Space</source>
        <extracomment>Every layout is placed on a grid this many letter keys wide (the widest row of any layout), so keys stay put when the layout changes.</extracomment>
        <translation>Boşluq</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Təmizlə</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Done</source>
        <translation>Hazır</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Delete everything typed</source>
        <translation>Yazılanların hamısını sil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the last letter</source>
        <translation>Son hərfi sil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capital letter</source>
        <translation>Böyük hərf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the next letter as a capital</source>
        <translation>Növbəti hərfi böyük yaz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard language</source>
        <translation>Klaviatura dili</translation>
    </message>
</context>
<context>
    <name>PassagesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="-68"/>
        <source>Nothing is recorded in this section of the archive yet.</source>
        <translation>Arxivin bu bölməsində hələ heç nə qeydə alınmayıb.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Shown in its original language</source>
        <translation>Orijinal dilində göstərilir</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/staff/pinpad.py" line="+139"/>
        <source>Try again in %n seconds.</source>
        <translation>
            <numerusform>%n saniyədən sonra yenidən cəhd edin.</numerusform>
            <numerusform>%n saniyədən sonra yenidən cəhd edin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrong PIN.</source>
        <translation>PIN kod yanlışdır.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Staff PIN</source>
        <translation>Əməkdaş PIN kodu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Təmizlə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>Təsdiq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Ziyarətçi rejiminə qayıt</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/qr.py" line="+87"/>
        <source>Continue reading on your phone:</source>
        <translation>Telefonunuzda oxumağa davam edin:</translation>
    </message>
</context>
<context>
    <name>ReaderScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/reader.py" line="+202"/>
        <source>Testimony</source>
        <translation>Şahid ifadəsi</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Previous testimony</source>
        <translation>Əvvəlki ifadə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next testimony</source>
        <translation>Növbəti ifadə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Mənbə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See this source</source>
        <translation>Bu mənbəyə baxın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This testimony is not available.</source>
        <translation>Bu ifadə mövcud deyil.</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Shown in its original language</source>
        <translation>Orijinal dilində göstərilir</translation>
    </message>
</context>
<context>
    <name>RecognitionScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/recognition.py" line="+77"/>
        <source>Recognition</source>
        <extracomment>The order of the groups on screen; other kinds follow in archive order.</extracomment>
        <translation>Tanınma</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No recognitions are recorded in this archive yet.</source>
        <translation>Bu arxivdə hələ tanınma qeydə alınmayıb.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Countries</source>
        <translation>Ölkələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US states</source>
        <translation>ABŞ ştatları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Təşkilatlar</translation>
    </message>
</context>
<context>
    <name>RemembranceScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/remembrance.py" line="+74"/>
        <source>Remembrance</source>
        <extracomment>Taps closer together than this light one candle, not many (a tap storm is one gesture).</extracomment>
        <translation>Xatirə</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No candles have been lit yet.</source>
        <translation>Hələ şam yandırılmayıb.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n candles lit</source>
        <translation>
            <numerusform>%n şam yandırılıb</numerusform>
            <numerusform>%n şam yandırılıb</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Light a candle</source>
        <translation>Şam yandırın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle could not be kept just now.</source>
        <translation>Şamınızı indi saxlamaq mümkün olmadı.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle is lit.</source>
        <translation>Şamınız yandırıldı.</translation>
    </message>
</context>
<context>
    <name>SegmentIndex</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/segment_index.py" line="+95"/>
        <source>Index</source>
        <translation>Mündəricat</translation>
    </message>
</context>
<context>
    <name>SideButton</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/buttons.py" line="+156"/>
        <source>Previous</source>
        <translation>Əvvəlki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Növbəti</translation>
    </message>
</context>
<context>
    <name>SourceLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/chips.py" line="+162"/>
        <source>Source: %1</source>
        <translation>Mənbə: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this source</source>
        <translation>Bu mənbəni açın</translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/source_strip.py" line="+75"/>
        <source>Every item in this exhibit names its source.</source>
        <translation>Bu sərgidəki hər materialın mənbəyi göstərilir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source: %1</source>
        <translation>Mənbə: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/sources.py" line="+40"/>
        <source>Books</source>
        <translation>Kitablar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newspapers and agencies</source>
        <translation>Qəzetlər və agentliklər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Hesabatlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation files</source>
        <translation>İstintaq materialları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interviews</source>
        <translation>Müsahibələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentaries and broadcasts</source>
        <translation>Sənədli filmlər və verilişlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court records</source>
        <translation>Məhkəmə materialları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Official documents</source>
        <translation>Rəsmi sənədlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compilations</source>
        <translation>Toplular</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other</source>
        <translation>Digər</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Testimony</source>
        <translation>Şahid ifadəsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Xronologiya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Rəqəm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Tanınma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monument</source>
        <translation>Abidə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Mətn</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About Khojaly</source>
        <translation>Xocalı haqqında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal assessment</source>
        <translation>Hüquqi qiymət</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Xatirə</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Quoted in:</source>
        <translation>Sitat gətirilir:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported in:</source>
        <translation>İstinad edilir:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The text this exhibition is built from. Every item on this kiosk is taken from it; the words it quotes are credited to the sources it names.</source>
        <translation>Bu sərginin əsaslandığı mətn. Kioskdakı hər material ondan götürülüb; onun sitat gətirdiyi sözlər adını çəkdiyi mənbələrə aid edilir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shipped with this archive as the file %1 (SHA-256 %2).</source>
        <translation>Bu arxivlə birlikdə %1 faylı kimi verilir (SHA-256 %2).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>and %n more</source>
        <translation>və daha %n</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Cited by:</source>
        <translation>Bu mənbəyə istinad edənlər:</translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message>
        <location line="+108"/>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every item in this exhibit names the source it comes from.</source>
        <translation>Bu sərgidəki hər material götürüldüyü mənbəni göstərir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sources are recorded in this archive.</source>
        <translation>Bu arxivdə mənbə qeydə alınmayıb.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/panel.py" line="+240"/>
        <source>unknown</source>
        <translation>naməlum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generation: %1</source>
        <translation>Nəsil: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package version: %1</source>
        <translation>Paket versiyası: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Package: %1</source>
        <translation>Paket: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Translations: %1</source>
        <translation>Tərcümələr: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrity: %1</source>
        <translation>Bütövlük: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free disk space: %1</source>
        <translation>Diskdə boş yer: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 % of %3 segments</source>
        <translation>%1: %2 % (cəmi %3 seqment)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n stale</source>
        <translation>
            <numerusform>, %n köhnəlmiş</numerusform>
            <numerusform>, %n köhnəlmiş</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No package found. Insert a USB stick with a package and tap Find packages.</source>
        <translation>Paket tapılmadı. Paketi olan USB yaddaş qurğusunu taxın və «Paketləri tap» düyməsinə toxunun.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Testimonies</source>
        <translation>Şahid ifadələri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>Hadisələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eras</source>
        <translation>Dövrlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figures</source>
        <translation>Rəqəmlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Adlar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognitions</source>
        <translation>Tanınmalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Abidələr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passages</source>
        <translation>Mətnlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Mənbələr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Media files</source>
        <translation>Media faylları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translations</source>
        <translation>Tərcümələr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visits</source>
        <translation>Ziyarətlər</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Screens viewed</source>
        <translation>Baxılan ekranlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testimonies opened</source>
        <translation>Açılan ifadələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches</source>
        <translation>Axtarışlar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candles lit</source>
        <translation>Yandırılan şamlar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing %1</source>
        <translation>%1 idxal olunur</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Going back to the previous archive</source>
        <translation>Əvvəlki arxivə qayıdılır</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Done.</source>
        <translation>Hazırdır.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Not done.</source>
        <translation>Alınmadı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong; the details are in the kiosk log.</source>
        <translation>Xəta baş verdi; təfərrüatlar kiosk jurnalındadır.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Archive</source>
        <translation>Arxiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a content package</source>
        <translation>Məzmun paketini idxal et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use of the kiosk</source>
        <translation>Kioskdan istifadə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Totals</source>
        <translation>Cəmi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits by hour, last %1 days</source>
        <translation>Saatlar üzrə ziyarətlər, son %1 gün</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find packages</source>
        <translation>Paketləri tap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>İdxal et</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous archive</source>
        <translation>Əvvəlki arxiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap again to go back</source>
        <translation>Geri qayıtmaq üçün yenidən toxunun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Ziyarətçi rejiminə qayıt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart kiosk</source>
        <translation>Kiosku yenidən başlat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to restart</source>
        <translation>Yenidən başlatmaq üçün yenidən toxunun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit to desktop</source>
        <translation>İş masasına çıx</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to exit</source>
        <translation>Çıxmaq üçün yenidən toxunun</translation>
    </message>
</context>
<context>
    <name>StaffSettings</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/settings.py" line="+73"/>
        <source>%1 s</source>
        <translation>%1 san</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Settings saved.</source>
        <translation>Ayarlar yadda saxlanıldı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has changed.</source>
        <translation>Heç nə dəyişməyib.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return to the start after</source>
        <translation>Başlanğıca qayıtma müddəti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default language</source>
        <translation>Standart dil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>İş saatları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always open</source>
        <translation>Həmişə açıq</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens at</source>
        <translation>Açılır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes at</source>
        <translation>Bağlanır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save settings</source>
        <translation>Ayarları yadda saxla</translation>
    </message>
</context>
<context>
    <name>StaffStatus</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/flow.py" line="+107"/>
        <source>No archive is live.</source>
        <translation>Aktiv arxiv yoxdur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The archive is intact.</source>
        <translation>Arxiv zədəsizdir.</translation>
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
        <translation>Statistika</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No statistics are recorded in this archive yet.</source>
        <translation>Bu arxivdə hələ statistika qeydə alınmayıb.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lives lost</source>
        <translation>Həlak olanlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>Nəticələr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destruction</source>
        <translation>Dağıntılar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The assault</source>
        <translation>Hücum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population</source>
        <translation>Əhali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Tanınma</translation>
    </message>
</context>
<context>
    <name>TestimoniesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/testimonies.py" line="+47"/>
        <source>Testimonies</source>
        <translation>Şahid ifadələri</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All</source>
        <translation>Hamısı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survivors</source>
        <translation>Sağ qalanlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescuers and officials</source>
        <translation>Xilasedicilər və rəsmi şəxslər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journalists</source>
        <translation>Jurnalistlər</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Human-rights reports</source>
        <translation>İnsan hüquqları hesabatları</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no testimonies in this group yet.</source>
        <translation>Bu qrupda hələ ifadə yoxdur.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Shown in its original language</source>
        <translation>Orijinal dilində göstərilir</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/timeline.py" line="+153"/>
        <location line="+114"/>
        <location line="+14"/>
        <source>Timeline</source>
        <translation>Xronologiya</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Previous event</source>
        <translation>Əvvəlki hadisə</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next event</source>
        <translation>Növbəti hadisə</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n events, each with its source.</source>
        <translation>
            <numerusform>%n hadisə, hər biri mənbəyi ilə.</numerusform>
            <numerusform>%n hadisə, hər biri mənbəyi ilə.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Swipe the page, tap the arrows or drag the time line below to move through the events; pinch the time line or use + and – to zoom.</source>
        <translation>Hadisələr arasında keçmək üçün səhifəni sürüşdürün, oxlara toxunun və ya aşağıdakı zaman xəttini çəkin; yaxınlaşdırmaq üçün zaman xəttini iki barmaqla açın və ya + və – düymələrindən istifadə edin.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The timeline holds no events yet.</source>
        <translation>Xronologiyada hələ hadisə yoxdur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in on the time line</source>
        <translation>Zaman xəttini yaxınlaşdır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out on the time line</source>
        <translation>Zaman xəttini uzaqlaşdır</translation>
    </message>
</context>
<context>
    <name>TimelineSlide</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/timeline_slide.py" line="+282"/>
        <source>Next event</source>
        <extracomment>Reading column limit: ~70 characters at 26-28 px.</extracomment>
        <translation>Növbəti hadisə</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown in the language of the source.</source>
        <translation>Mənbənin dilində göstərilir.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/topbar.py" line="+84"/>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Ana səhifə</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Text size: %1 times</source>
        <translation>Mətn ölçüsü: %1 dəfə</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High contrast: on</source>
        <translation>Yüksək kontrast: açıq</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>High contrast: off</source>
        <translation>Yüksək kontrast: bağlı</translation>
    </message>
</context>
<context>
    <name>TranslationCreditLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/translation_credit.py" line="+56"/>
        <source>Show the translation</source>
        <translation>Tərcüməni göstər</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reviewed by %1.</source>
        <translation>Redaktor: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the original</source>
        <translation>Orijinalı göstər</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Translated from English by %1.</source>
        <translation>İngilis dilindən tərcümə edən: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani by %1.</source>
        <translation>Azərbaycan dilindən tərcümə edən: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian by %1.</source>
        <translation>Rus dilindən tərcümə edən: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish by %1.</source>
        <translation>Türk dilindən tərcümə edən: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translated from English.</source>
        <translation>İngilis dilindən tərcümə.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani.</source>
        <translation>Azərbaycan dilindən tərcümə.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian.</source>
        <translation>Rus dilindən tərcümə.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish.</source>
        <translation>Türk dilindən tərcümə.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The original, in English.</source>
        <translation>Orijinal mətn, ingilis dilində.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Azerbaijani.</source>
        <translation>Orijinal mətn, Azərbaycan dilində.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Russian.</source>
        <translation>Orijinal mətn, rus dilində.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Turkish.</source>
        <translation>Orijinal mətn, türk dilində.</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/unavailable.py" line="+36"/>
        <source>This exhibit is temporarily unavailable.</source>
        <translation>Bu sərgi müvəqqəti olaraq əlçatan deyil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please ask a member of staff for help.</source>
        <translation>Zəhmət olmasa, kömək üçün əməkdaşa müraciət edin.</translation>
    </message>
</context>
</TS>
