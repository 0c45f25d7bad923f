<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en">
<context>
    <name>AboutScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="+157"/>
        <source>About Khojaly</source>
        <translation>Hocalı hakkında</translation>
    </message>
</context>
<context>
    <name>Advisory</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/testimonies.py" line="+31"/>
        <source>Advisory: graphic descriptions</source>
        <translation>Uyarı: ağır tasvirler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advisory: distressing</source>
        <translation>Uyarı: sarsıcı içerik</translation>
    </message>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/advisory.py" line="+35"/>
        <source>The account of %1 contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>%1 adlı tanığın anlatımı öldürme, işkence ve cesetlerin parçalanmasına dair ağır tasvirler içeriyor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>Bu anlatım öldürme, işkence ve cesetlerin parçalanmasına dair ağır tasvirler içeriyor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account of %1 describes the deaths and suffering of civilians.</source>
        <translation>%1 adlı tanığın anlatımı sivillerin ölümünü ve acılarını anlatıyor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account describes the deaths and suffering of civilians.</source>
        <translation>Bu anlatım sivillerin ölümünü ve acılarını anlatıyor.</translation>
    </message>
</context>
<context>
    <name>AdvisoryCard</name>
    <message>
        <location line="+89"/>
        <source>Content advisory</source>
        <translation>İçerik uyarısı</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is your choice whether to read it.</source>
        <translation>Okuyup okumamak sizin seçiminiz.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list</source>
        <translation>Listeye dön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the account</source>
        <translation>Anlatımı oku</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/attract.py" line="+192"/>
        <source>Touch to begin</source>
        <translation>Başlamak için dokunun</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Khojaly 1992</source>
        <translation>Hocalı 1992</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>25–26 February 1992</source>
        <translation>25–26 Şubat 1992</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Source: %1</source>
        <translation>Kaynak: %1</translation>
    </message>
</context>
<context>
    <name>CandleField</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/candle.py" line="+47"/>
        <source>Candles</source>
        <translation>Mumlar</translation>
    </message>
</context>
<context>
    <name>ClosedOverlay</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/closed.py" line="+104"/>
        <source>Closed. Touch the screen to wake it.</source>
        <translation>Kapalı. Ekranı uyandırmak için dokunun.</translation>
    </message>
</context>
<context>
    <name>CommemorationScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/commemoration.py" line="+46"/>
        <source>Commemoration</source>
        <translation>Anma</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics</source>
        <translation>İstatistikler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figures recorded in the sources.</source>
        <translation>Kaynaklarda kayıtlı rakamlar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>İsimler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names of the people commemorated.</source>
        <translation>Anılan insanların isimleri.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Tanınma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countries, US states and organisations.</source>
        <translation>Ülkeler, ABD eyaletleri ve kuruluşlar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Anıtlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memorials and where they stand.</source>
        <translation>Anıtlar ve bulundukları yerler.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Hatıra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light a candle.</source>
        <translation>Bir mum yakın.</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/countdown.py" line="+77"/>
        <source>Returning to the start in %n seconds.</source>
        <translation>
            <numerusform>%n saniye içinde başa dönülecek.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Are you still there?</source>
        <translation>Hâlâ burada mısınız?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Devam et</translation>
    </message>
</context>
<context>
    <name>Credit</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/credit.py" line="+42"/>
        <source>%1 and %2</source>
        <translation>%1 ve %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2</source>
        <translation>%1; alıntı: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, reporting on %2</source>
        <translation>%1; aktaran: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2; reporting on %3</source>
        <translation>%1; alıntı: %2; aktaran: %3</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/home.py" line="+102"/>
        <source>Khojaly 1992</source>
        <translation>Hocalı 1992</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25–26 February 1992</source>
        <translation>25–26 Şubat 1992</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testimonies</source>
        <translation>Tanıklıklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-hand accounts of survivors, rescuers and journalists.</source>
        <translation>Hayatta kalanların, kurtarma ekiplerinin ve gazetecilerin birinci ağızdan anlatımları.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n testimonies</source>
        <translation>
            <numerusform>%n tanıklık</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>Kronoloji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The events in order, each with its source.</source>
        <translation>Olaylar sırasıyla, her biri kaynağıyla birlikte.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n events</source>
        <translation>
            <numerusform>%n olay</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commemoration</source>
        <translation>Anma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names, figures, recognition and remembrance.</source>
        <translation>İsimler, rakamlar, tanınma ve hatıra.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>İstatistikler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Names</source>
        <translation>İsimler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognition</source>
        <translation>Tanınma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Anıtlar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remembrance</source>
        <translation>Hatıra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>Kaynaklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where every item in this exhibit comes from.</source>
        <translation>Bu sergideki her öğenin kaynağı.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sources</source>
        <translation>
            <numerusform>%n kaynak</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Khojaly</source>
        <translation>Hocalı hakkında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The town, the siege and the night, as the sources describe them.</source>
        <translation>Kasaba, kuşatma ve o gece — kaynakların anlattığı gibi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal assessment</source>
        <translation>Hukuki değerlendirme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualification of the crime, investigation and judgments.</source>
        <translation>Suçun nitelendirilmesi, soruşturma ve yargı kararları.</translation>
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
        <translation>Hukuki değerlendirme</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_player.py" line="+256"/>
        <source>Position in the recording</source>
        <translation>Kayıttaki konum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This recording cannot be played on this kiosk.</source>
        <translation>Bu kayıt bu kioskta oynatılamıyor.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Pause</source>
        <translation>Duraklat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Oynat</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_view.py" line="+106"/>
        <source>Image not available</source>
        <translation>Görüntü mevcut değil</translation>
    </message>
</context>
<context>
    <name>MonumentsScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/monuments.py" line="+78"/>
        <source>Monuments</source>
        <translation>Anıtlar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No monuments are recorded in this archive yet.</source>
        <translation>Bu arşivde henüz kayıtlı anıt yok.</translation>
    </message>
</context>
<context>
    <name>NameScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/name.py" line="+80"/>
        <source>Names</source>
        <translation>İsimler</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Born in %1</source>
        <translation>Doğum yılı: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age %1</source>
        <translation>Yaşı: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village: %1</source>
        <translation>Köy: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>In the words of %1.</source>
        <translation>Anlatan: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the whole testimony</source>
        <translation>Tanıklığın tamamını okuyun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the names</source>
        <translation>İsimlere dön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This name is not in the archive.</source>
        <translation>Bu isim arşivde yok.</translation>
    </message>
</context>
<context>
    <name>NamesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/names.py" line="+114"/>
        <source>Names</source>
        <extracomment>The statistics group whose first figure is the number of lives lost (the honest line says how many of them the archive names; the statistics screen titles it &quot;Lives lost&quot;).</extracomment>
        <translation>İsimler</translation>
    </message>
    <message>
        <location line="+135"/>
        <location line="+1"/>
        <source>Search for a name</source>
        <translation>İsim arayın</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No names are recorded in this archive yet.</source>
        <translation>Bu arşivde henüz kayıtlı isim yok.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>born %1</source>
        <translation>doğum yılı %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age %1</source>
        <translation>%1 yaşında</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 of the %2 lives lost are named in this archive; names are added only from documented sources.</source>
        <translation>Hayatını kaybeden %2 kişiden %1 kişinin adı bu arşivde yer alıyor; isimler yalnızca belgelenmiş kaynaklardan eklenir.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n names are recorded in this archive.</source>
        <translation>
            <numerusform>Bu arşivde %n isim kayıtlı.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recorded name matches “%1”.</source>
        <translation>“%1” ile eşleşen kayıtlı isim yok.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the first letters of a first name or a surname, in any alphabet.</source>
        <translation>Bir adın ya da soyadın ilk harflerini herhangi bir alfabeyle yazın.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Names are added only from documented sources.</source>
        <translation>İsimler yalnızca belgelenmiş kaynaklardan eklenir.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/keyboard.py" line="+284"/>
        <location line="+3"/>
        <source>Space</source>
        <extracomment>Every layout is placed on a grid this many letter keys wide (the widest row of any layout), so keys stay put when the layout changes.</extracomment>
        <translation>Boşluk</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Done</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Delete everything typed</source>
        <translation>Yazılanların tümünü sil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the last letter</source>
        <translation>Son harfi sil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capital letter</source>
        <translation>Büyük harf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the next letter as a capital</source>
        <translation>Sonraki harfi büyük yaz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard language</source>
        <translation>Klavye dili</translation>
    </message>
</context>
<context>
    <name>PassagesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="-68"/>
        <source>Nothing is recorded in this section of the archive yet.</source>
        <translation>Arşivin bu bölümünde henüz bir kayıt yok.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Shown in its original language</source>
        <translation>Özgün dilinde gösteriliyor</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/staff/pinpad.py" line="+139"/>
        <source>Try again in %n seconds.</source>
        <translation>
            <numerusform>%n saniye sonra yeniden deneyin.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrong PIN.</source>
        <translation>PIN yanlış.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Staff PIN</source>
        <translation>Personel PIN&apos;i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Ziyaretçi moduna dön</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/qr.py" line="+87"/>
        <source>Continue reading on your phone:</source>
        <translation>Telefonunuzda okumaya devam edin:</translation>
    </message>
</context>
<context>
    <name>ReaderScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/reader.py" line="+202"/>
        <source>Testimony</source>
        <translation>Tanıklık</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Previous testimony</source>
        <translation>Önceki tanıklık</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next testimony</source>
        <translation>Sonraki tanıklık</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Kaynak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See this source</source>
        <translation>Bu kaynağa bakın</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This testimony is not available.</source>
        <translation>Bu tanıklık mevcut değil.</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Shown in its original language</source>
        <translation>Özgün dilinde gösteriliyor</translation>
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
        <translation>Bu arşivde henüz kayıtlı tanınma yok.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Countries</source>
        <translation>Ülkeler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US states</source>
        <translation>ABD eyaletleri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Kuruluşlar</translation>
    </message>
</context>
<context>
    <name>RemembranceScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/remembrance.py" line="+74"/>
        <source>Remembrance</source>
        <extracomment>Taps closer together than this light one candle, not many (a tap storm is one gesture).</extracomment>
        <translation>Hatıra</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No candles have been lit yet.</source>
        <translation>Henüz mum yakılmadı.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n candles lit</source>
        <translation>
            <numerusform>%n mum yakıldı</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Light a candle</source>
        <translation>Bir mum yakın</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle could not be kept just now.</source>
        <translation>Mumunuz şu anda kaydedilemedi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle is lit.</source>
        <translation>Mumunuz yakıldı.</translation>
    </message>
</context>
<context>
    <name>SegmentIndex</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/segment_index.py" line="+95"/>
        <source>Index</source>
        <translation>İçindekiler</translation>
    </message>
</context>
<context>
    <name>SideButton</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/buttons.py" line="+156"/>
        <source>Previous</source>
        <translation>Önceki</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Sonraki</translation>
    </message>
</context>
<context>
    <name>SourceLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/chips.py" line="+162"/>
        <source>Source: %1</source>
        <translation>Kaynak: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this source</source>
        <translation>Bu kaynağı açın</translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/source_strip.py" line="+75"/>
        <source>Every item in this exhibit names its source.</source>
        <translation>Bu sergideki her öğenin kaynağı belirtilir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source: %1</source>
        <translation>Kaynak: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sources</source>
        <translation>Kaynaklar</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/sources.py" line="+40"/>
        <source>Books</source>
        <translation>Kitaplar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newspapers and agencies</source>
        <translation>Gazeteler ve ajanslar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Raporlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation files</source>
        <translation>Soruşturma belgeleri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interviews</source>
        <translation>Röportajlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentaries and broadcasts</source>
        <translation>Belgeseller ve yayınlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court records</source>
        <translation>Mahkeme kayıtları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Official documents</source>
        <translation>Resmî belgeler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compilations</source>
        <translation>Derlemeler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other</source>
        <translation>Diğer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Testimony</source>
        <translation>Tanıklık</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Kronoloji</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Rakam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Tanınma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monument</source>
        <translation>Anıt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>İsim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About Khojaly</source>
        <translation>Hocalı hakkında</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal assessment</source>
        <translation>Hukuki değerlendirme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Hatıra</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Quoted in:</source>
        <translation>Alıntılandığı yerler:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported in:</source>
        <translation>Aktarıldığı yerler:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The text this exhibition is built from. Every item on this kiosk is taken from it; the words it quotes are credited to the sources it names.</source>
        <translation>Bu serginin dayandığı metin. Bu kiosktaki her öğe ondan alınmıştır; alıntıladığı sözler adını verdiği kaynaklara atfedilir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shipped with this archive as the file %1 (SHA-256 %2).</source>
        <translation>Bu arşivle birlikte %1 dosyası olarak verilir (SHA-256 %2).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>and %n more</source>
        <translation>ve %n tane daha</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Cited by:</source>
        <translation>Bu kaynağa atıfta bulunanlar:</translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message>
        <location line="+108"/>
        <source>Sources</source>
        <translation>Kaynaklar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every item in this exhibit names the source it comes from.</source>
        <translation>Bu sergideki her öğe, alındığı kaynağı belirtir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sources are recorded in this archive.</source>
        <translation>Bu arşivde kayıtlı kaynak yok.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/panel.py" line="+240"/>
        <source>unknown</source>
        <translation>bilinmiyor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generation: %1</source>
        <translation>Nesil: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package version: %1</source>
        <translation>Paket sürümü: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Package: %1</source>
        <translation>Paket: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Translations: %1</source>
        <translation>Çeviriler: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrity: %1</source>
        <translation>Bütünlük: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free disk space: %1</source>
        <translation>Boş disk alanı: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 % of %3 segments</source>
        <translation>%1: %%2 (toplam %3 bölüm)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n stale</source>
        <translation>
            <numerusform>, %n eskimiş</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No package found. Insert a USB stick with a package and tap Find packages.</source>
        <translation>Paket bulunamadı. Paketi içeren bir USB bellek takın ve «Paketleri bul» düğmesine dokunun.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Testimonies</source>
        <translation>Tanıklıklar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>Olaylar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eras</source>
        <translation>Dönemler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figures</source>
        <translation>Rakamlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>İsimler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognitions</source>
        <translation>Tanımalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Anıtlar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passages</source>
        <translation>Metinler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Kaynaklar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Media files</source>
        <translation>Medya dosyaları</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translations</source>
        <translation>Çeviriler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visits</source>
        <translation>Ziyaretler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Screens viewed</source>
        <translation>Görüntülenen ekranlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testimonies opened</source>
        <translation>Açılan tanıklıklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches</source>
        <translation>Aramalar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candles lit</source>
        <translation>Yakılan mumlar</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing %1</source>
        <translation>%1 içe aktarılıyor</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Going back to the previous archive</source>
        <translation>Önceki arşive dönülüyor</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Done.</source>
        <translation>Tamamlandı.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Not done.</source>
        <translation>Yapılamadı.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong; the details are in the kiosk log.</source>
        <translation>Bir sorun oluştu; ayrıntılar kiosk günlüğünde.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Archive</source>
        <translation>Arşiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a content package</source>
        <translation>İçerik paketi içe aktar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use of the kiosk</source>
        <translation>Kiosk kullanımı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Totals</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits by hour, last %1 days</source>
        <translation>Saatlere göre ziyaretler, son %1 gün</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find packages</source>
        <translation>Paketleri bul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>İçe aktar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous archive</source>
        <translation>Önceki arşiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap again to go back</source>
        <translation>Geri dönmek için tekrar dokunun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Ziyaretçi moduna dön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart kiosk</source>
        <translation>Kioskı yeniden başlat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to restart</source>
        <translation>Yeniden başlatmak için tekrar dokunun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit to desktop</source>
        <translation>Masaüstüne çık</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to exit</source>
        <translation>Çıkmak için tekrar dokunun</translation>
    </message>
</context>
<context>
    <name>StaffSettings</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/settings.py" line="+73"/>
        <source>%1 s</source>
        <translation>%1 sn</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Settings saved.</source>
        <translation>Ayarlar kaydedildi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has changed.</source>
        <translation>Hiçbir şey değişmedi.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return to the start after</source>
        <translation>Başa dönme süresi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default language</source>
        <translation>Varsayılan dil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Açılış saatleri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always open</source>
        <translation>Her zaman açık</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens at</source>
        <translation>Açılış</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes at</source>
        <translation>Kapanış</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save settings</source>
        <translation>Ayarları kaydet</translation>
    </message>
</context>
<context>
    <name>StaffStatus</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/flow.py" line="+107"/>
        <source>No archive is live.</source>
        <translation>Etkin arşiv yok.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The archive is intact.</source>
        <translation>Arşiv sağlam.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem: %1</source>
        <translation>Sorun: %1</translation>
    </message>
</context>
<context>
    <name>StatisticsScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/statistics.py" line="+63"/>
        <source>Statistics</source>
        <translation>İstatistikler</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No statistics are recorded in this archive yet.</source>
        <translation>Bu arşivde henüz kayıtlı istatistik yok.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lives lost</source>
        <translation>Hayatını kaybedenler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>Sonuçlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destruction</source>
        <translation>Tahribat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The assault</source>
        <translation>Saldırı</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population</source>
        <translation>Nüfus</translation>
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
        <translation>Tanıklıklar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All</source>
        <translation>Tümü</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survivors</source>
        <translation>Hayatta kalanlar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescuers and officials</source>
        <translation>Kurtarma ekipleri ve yetkililer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journalists</source>
        <translation>Gazeteciler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Human-rights reports</source>
        <translation>İnsan hakları raporları</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no testimonies in this group yet.</source>
        <translation>Bu grupta henüz tanıklık yok.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Shown in its original language</source>
        <translation>Özgün dilinde gösteriliyor</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/timeline.py" line="+153"/>
        <location line="+114"/>
        <location line="+14"/>
        <source>Timeline</source>
        <translation>Kronoloji</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Previous event</source>
        <translation>Önceki olay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next event</source>
        <translation>Sonraki olay</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n events, each with its source.</source>
        <translation>
            <numerusform>%n olay, her biri kaynağıyla.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Swipe the page, tap the arrows or drag the time line below to move through the events; pinch the time line or use + and – to zoom.</source>
        <translation>Olaylar arasında gezinmek için sayfayı kaydırın, oklara dokunun veya aşağıdaki zaman çizgisini sürükleyin; yakınlaştırmak için zaman çizgisinde iki parmağınızı açın veya + ve – düğmelerini kullanın.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The timeline holds no events yet.</source>
        <translation>Kronolojide henüz olay yok.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in on the time line</source>
        <translation>Zaman çizgisini yakınlaştır</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out on the time line</source>
        <translation>Zaman çizgisini uzaklaştır</translation>
    </message>
</context>
<context>
    <name>TimelineSlide</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/timeline_slide.py" line="+282"/>
        <source>Next event</source>
        <extracomment>Reading column limit: ~70 characters at 26-28 px.</extracomment>
        <translation>Sonraki olay</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown in the language of the source.</source>
        <translation>Kaynağın dilinde gösteriliyor.</translation>
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
        <translation>Ana sayfa</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Text size: %1 times</source>
        <translation>Yazı boyutu: %1 kat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High contrast: on</source>
        <translation>Yüksek kontrast: açık</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>High contrast: off</source>
        <translation>Yüksek kontrast: kapalı</translation>
    </message>
</context>
<context>
    <name>TranslationCreditLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/translation_credit.py" line="+56"/>
        <source>Show the translation</source>
        <translation>Çeviriyi göster</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reviewed by %1.</source>
        <translation>Gözden geçiren: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the original</source>
        <translation>Orijinali göster</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Translated from English by %1.</source>
        <translation>İngilizceden çeviren: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani by %1.</source>
        <translation>Azerbaycan Türkçesinden çeviren: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian by %1.</source>
        <translation>Rusçadan çeviren: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish by %1.</source>
        <translation>Türkçeden çeviren: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translated from English.</source>
        <translation>İngilizceden çeviri.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani.</source>
        <translation>Azerbaycan Türkçesinden çeviri.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian.</source>
        <translation>Rusçadan çeviri.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish.</source>
        <translation>Türkçeden çeviri.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The original, in English.</source>
        <translation>Orijinal metin, İngilizce.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Azerbaijani.</source>
        <translation>Orijinal metin, Azerbaycan Türkçesi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Russian.</source>
        <translation>Orijinal metin, Rusça.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Turkish.</source>
        <translation>Orijinal metin, Türkçe.</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/unavailable.py" line="+36"/>
        <source>This exhibit is temporarily unavailable.</source>
        <translation>Bu sergi geçici olarak kullanılamıyor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please ask a member of staff for help.</source>
        <translation>Lütfen yardım için bir görevliye başvurun.</translation>
    </message>
</context>
</TS>
