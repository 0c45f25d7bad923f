<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="+157"/>
        <source>About Khojaly</source>
        <translation>О Ходжалы</translation>
    </message>
</context>
<context>
    <name>Advisory</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/testimonies.py" line="+31"/>
        <source>Advisory: graphic descriptions</source>
        <translation>Предупреждение: жестокие подробности</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Advisory: distressing</source>
        <translation>Предупреждение: тяжёлое содержание</translation>
    </message>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/advisory.py" line="+35"/>
        <source>The account of %1 contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>Рассказ %1 содержит жестокие подробности убийств, пыток и надругательства над телами.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account contains graphic descriptions of killing, torture and mutilation.</source>
        <translation>Этот рассказ содержит жестокие подробности убийств, пыток и надругательства над телами.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account of %1 describes the deaths and suffering of civilians.</source>
        <translation>Рассказ %1 описывает гибель и страдания мирных жителей.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account describes the deaths and suffering of civilians.</source>
        <translation>Этот рассказ описывает гибель и страдания мирных жителей.</translation>
    </message>
</context>
<context>
    <name>AdvisoryCard</name>
    <message>
        <location line="+89"/>
        <source>Content advisory</source>
        <translation>Предупреждение о содержании</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is your choice whether to read it.</source>
        <translation>Читать ли его — решать вам.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list</source>
        <translation>Назад к списку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the account</source>
        <translation>Читать рассказ</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/attract.py" line="+192"/>
        <source>Touch to begin</source>
        <translation>Коснитесь экрана, чтобы начать</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Khojaly 1992</source>
        <translation>Ходжалы 1992</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>25–26 February 1992</source>
        <translation>25–26 февраля 1992 года</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
</context>
<context>
    <name>CandleField</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/candle.py" line="+47"/>
        <source>Candles</source>
        <translation>Свечи</translation>
    </message>
</context>
<context>
    <name>ClosedOverlay</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/closed.py" line="+104"/>
        <source>Closed. Touch the screen to wake it.</source>
        <translation>Закрыто. Коснитесь экрана, чтобы его включить.</translation>
    </message>
</context>
<context>
    <name>CommemorationScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/commemoration.py" line="+46"/>
        <source>Commemoration</source>
        <translation>Память</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figures recorded in the sources.</source>
        <translation>Цифры, приведённые в источниках.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names of the people commemorated.</source>
        <translation>Имена тех, чью память мы чтим.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Признание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Countries, US states and organisations.</source>
        <translation>Страны, штаты США и организации.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Памятники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memorials and where they stand.</source>
        <translation>Мемориалы и места, где они стоят.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Поминовение</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light a candle.</source>
        <translation>Зажгите свечу.</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/countdown.py" line="+77"/>
        <source>Returning to the start in %n seconds.</source>
        <translation>
            <numerusform>Возврат к началу через %n секунду.</numerusform>
            <numerusform>Возврат к началу через %n секунды.</numerusform>
            <numerusform>Возврат к началу через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Are you still there?</source>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>Credit</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/credit.py" line="+42"/>
        <source>%1 and %2</source>
        <translation>%1 и %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2</source>
        <translation>%1; цитируется: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, reporting on %2</source>
        <translation>%1; со ссылкой на: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, quoting %2; reporting on %3</source>
        <translation>%1; цитируется: %2; со ссылкой на: %3</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/home.py" line="+102"/>
        <source>Khojaly 1992</source>
        <translation>Ходжалы 1992</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25–26 February 1992</source>
        <translation>25–26 февраля 1992 года</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Testimonies</source>
        <translation>Свидетельства</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First-hand accounts of survivors, rescuers and journalists.</source>
        <translation>Рассказы очевидцев: выживших, спасателей и журналистов.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n testimonies</source>
        <translation>
            <numerusform>%n свидетельство</numerusform>
            <numerusform>%n свидетельства</numerusform>
            <numerusform>%n свидетельств</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The events in order, each with its source.</source>
        <translation>События по порядку, каждое — со ссылкой на источник.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n events</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Commemoration</source>
        <translation>Память</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names, figures, recognition and remembrance.</source>
        <translation>Имена, цифры, признание и поминовение.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognition</source>
        <translation>Признание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Памятники</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remembrance</source>
        <translation>Поминовение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where every item in this exhibit comes from.</source>
        <translation>Откуда взят каждый материал этой экспозиции.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sources</source>
        <translation>
            <numerusform>%n источник</numerusform>
            <numerusform>%n источника</numerusform>
            <numerusform>%n источников</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Khojaly</source>
        <translation>О Ходжалы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The town, the siege and the night, as the sources describe them.</source>
        <translation>Город, блокада и та ночь — как их описывают источники.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal assessment</source>
        <translation>Правовая оценка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualification of the crime, investigation and judgments.</source>
        <translation>Квалификация преступления, расследование и судебные решения.</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/language_picker.py" line="+109"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>LegalScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="+9"/>
        <source>Legal assessment</source>
        <translation>Правовая оценка</translation>
    </message>
</context>
<context>
    <name>MediaPlayer</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_player.py" line="+256"/>
        <source>Position in the recording</source>
        <translation>Позиция в записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This recording cannot be played on this kiosk.</source>
        <translation>Эту запись нельзя воспроизвести на этом киоске.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
</context>
<context>
    <name>MediaView</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/media_view.py" line="+106"/>
        <source>Image not available</source>
        <translation>Изображение недоступно</translation>
    </message>
</context>
<context>
    <name>MonumentsScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/monuments.py" line="+78"/>
        <source>Monuments</source>
        <translation>Памятники</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No monuments are recorded in this archive yet.</source>
        <translation>В этом архиве пока нет памятников.</translation>
    </message>
</context>
<context>
    <name>NameScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/name.py" line="+80"/>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Born in %1</source>
        <translation>Год рождения: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age %1</source>
        <translation>Возраст: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village: %1</source>
        <translation>Село: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>In the words of %1.</source>
        <translation>Со слов: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the whole testimony</source>
        <translation>Прочитать свидетельство целиком</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the names</source>
        <translation>Назад к именам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This name is not in the archive.</source>
        <translation>Этого имени нет в архиве.</translation>
    </message>
</context>
<context>
    <name>NamesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/names.py" line="+114"/>
        <source>Names</source>
        <extracomment>The statistics group whose first figure is the number of lives lost (the honest line says how many of them the archive names; the statistics screen titles it &quot;Lives lost&quot;).</extracomment>
        <translation>Имена</translation>
    </message>
    <message>
        <location line="+135"/>
        <location line="+1"/>
        <source>Search for a name</source>
        <translation>Поиск имени</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No names are recorded in this archive yet.</source>
        <translation>В этом архиве пока нет имён.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>born %1</source>
        <translation>год рождения %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age %1</source>
        <translation>возраст %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 of the %2 lives lost are named in this archive; names are added only from documented sources.</source>
        <translation>Из %2 погибших в этом архиве названы по имени %1; имена добавляются только из документальных источников.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n names are recorded in this archive.</source>
        <translation>
            <numerusform>В этом архиве записано %n имя.</numerusform>
            <numerusform>В этом архиве записано %n имени.</numerusform>
            <numerusform>В этом архиве записано %n имён.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No recorded name matches “%1”.</source>
        <translation>Нет записанных имён, совпадающих с «%1».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the first letters of a first name or a surname, in any alphabet.</source>
        <translation>Введите первые буквы имени или фамилии — любым алфавитом.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Names are added only from documented sources.</source>
        <translation>Имена вносятся только по документальным источникам.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/keyboard.py" line="+284"/>
        <location line="+3"/>
        <source>Space</source>
        <extracomment>Every layout is placed on a grid this many letter keys wide (the widest row of any layout), so keys stay put when the layout changes.</extracomment>
        <translation>Пробел</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Delete everything typed</source>
        <translation>Стереть всё введённое</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Стереть</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the last letter</source>
        <translation>Стереть последнюю букву</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capital letter</source>
        <translation>Заглавная буква</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the next letter as a capital</source>
        <translation>Следующая буква будет заглавной</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard language</source>
        <translation>Язык клавиатуры</translation>
    </message>
</context>
<context>
    <name>PassagesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/passages.py" line="-68"/>
        <source>Nothing is recorded in this section of the archive yet.</source>
        <translation>В этом разделе архива пока ничего нет.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Shown in its original language</source>
        <translation>Показано на языке оригинала</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <location filename="../../src/khojaly_kiosk/kiosk/staff/pinpad.py" line="+139"/>
        <source>Try again in %n seconds.</source>
        <translation>
            <numerusform>Повторите попытку через %n секунду.</numerusform>
            <numerusform>Повторите попытку через %n секунды.</numerusform>
            <numerusform>Повторите попытку через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN-код.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Staff PIN</source>
        <translation>PIN-код сотрудника</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>ОК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Вернуться к режиму посетителей</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/qr.py" line="+87"/>
        <source>Continue reading on your phone:</source>
        <translation>Продолжите чтение на телефоне:</translation>
    </message>
</context>
<context>
    <name>ReaderScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/reader.py" line="+202"/>
        <source>Testimony</source>
        <translation>Свидетельство</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Previous testimony</source>
        <translation>Предыдущее свидетельство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next testimony</source>
        <translation>Следующее свидетельство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See this source</source>
        <translation>Открыть этот источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This testimony is not available.</source>
        <translation>Это свидетельство недоступно.</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Shown in its original language</source>
        <translation>Показано на языке оригинала</translation>
    </message>
</context>
<context>
    <name>RecognitionScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/recognition.py" line="+77"/>
        <source>Recognition</source>
        <extracomment>The order of the groups on screen; other kinds follow in archive order.</extracomment>
        <translation>Признание</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No recognitions are recorded in this archive yet.</source>
        <translation>В этом архиве пока нет сведений о признании.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Countries</source>
        <translation>Страны</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>US states</source>
        <translation>Штаты США</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
</context>
<context>
    <name>RemembranceScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/remembrance.py" line="+74"/>
        <source>Remembrance</source>
        <extracomment>Taps closer together than this light one candle, not many (a tap storm is one gesture).</extracomment>
        <translation>Поминовение</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No candles have been lit yet.</source>
        <translation>Пока не зажжено ни одной свечи.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n candles lit</source>
        <translation>
            <numerusform>Зажжена %n свеча</numerusform>
            <numerusform>Зажжено %n свечи</numerusform>
            <numerusform>Зажжено %n свечей</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Light a candle</source>
        <translation>Зажгите свечу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle could not be kept just now.</source>
        <translation>Сейчас не удалось сохранить вашу свечу.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your candle is lit.</source>
        <translation>Ваша свеча зажжена.</translation>
    </message>
</context>
<context>
    <name>SegmentIndex</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/segment_index.py" line="+95"/>
        <source>Index</source>
        <translation>Содержание</translation>
    </message>
</context>
<context>
    <name>SideButton</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/buttons.py" line="+156"/>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Вперёд</translation>
    </message>
</context>
<context>
    <name>SourceLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/chips.py" line="+162"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open this source</source>
        <translation>Открыть этот источник</translation>
    </message>
</context>
<context>
    <name>SourceStrip</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/source_strip.py" line="+75"/>
        <source>Every item in this exhibit names its source.</source>
        <translation>У каждого материала экспозиции указан источник.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/sources.py" line="+40"/>
        <source>Books</source>
        <translation>Книги</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newspapers and agencies</source>
        <translation>Газеты и агентства</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Доклады</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation files</source>
        <translation>Материалы расследования</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interviews</source>
        <translation>Интервью</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documentaries and broadcasts</source>
        <translation>Документальные фильмы и передачи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court records</source>
        <translation>Судебные материалы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Official documents</source>
        <translation>Официальные документы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compilations</source>
        <translation>Сборники</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Testimony</source>
        <translation>Свидетельство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Цифра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Признание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monument</source>
        <translation>Памятник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About Khojaly</source>
        <translation>О Ходжалы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal assessment</source>
        <translation>Правовая оценка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remembrance</source>
        <translation>Поминовение</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Quoted in:</source>
        <translation>Цитируется в:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported in:</source>
        <translation>Упоминается в:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The text this exhibition is built from. Every item on this kiosk is taken from it; the words it quotes are credited to the sources it names.</source>
        <translation>Текст, на котором построена эта выставка. Каждый материал этого киоска взят из него; слова, которые он цитирует, указаны с теми источниками, которые он называет.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shipped with this archive as the file %1 (SHA-256 %2).</source>
        <translation>Поставляется вместе с этим архивом как файл %1 (SHA-256 %2).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>and %n more</source>
        <translation>и ещё %n</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Cited by:</source>
        <translation>На этот источник ссылаются:</translation>
    </message>
</context>
<context>
    <name>SourcesScreen</name>
    <message>
        <location line="+108"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every item in this exhibit names the source it comes from.</source>
        <translation>Для каждого материала экспозиции указан источник, из которого он взят.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sources are recorded in this archive.</source>
        <translation>В этом архиве нет источников.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/panel.py" line="+240"/>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generation: %1</source>
        <translation>Поколение: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package version: %1</source>
        <translation>Версия пакета: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Package: %1</source>
        <translation>Пакет: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Translations: %1</source>
        <translation>Переводы: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Integrity: %1</source>
        <translation>Целостность: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free disk space: %1</source>
        <translation>Свободно на диске: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 % of %3 segments</source>
        <translation>%1: %2 % (всего сегментов: %3)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n stale</source>
        <translation>
            <numerusform>, %n устаревший</numerusform>
            <numerusform>, %n устаревших</numerusform>
            <numerusform>, %n устаревших</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No package found. Insert a USB stick with a package and tap Find packages.</source>
        <translation>Пакет не найден. Вставьте USB-накопитель с пакетом и нажмите «Найти пакеты».</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Testimonies</source>
        <translation>Свидетельства</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eras</source>
        <translation>Периоды</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Figures</source>
        <translation>Цифры</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognitions</source>
        <translation>Признания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monuments</source>
        <translation>Памятники</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passages</source>
        <translation>Тексты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Media files</source>
        <translation>Медиафайлы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translations</source>
        <translation>Переводы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visits</source>
        <translation>Посещения</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Screens viewed</source>
        <translation>Просмотрено экранов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testimonies opened</source>
        <translation>Открыто свидетельств</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Searches</source>
        <translation>Поиски</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candles lit</source>
        <translation>Зажжённые свечи</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Importing %1</source>
        <translation>Импорт: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Going back to the previous archive</source>
        <translation>Возврат к предыдущему архиву</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Not done.</source>
        <translation>Не выполнено.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong; the details are in the kiosk log.</source>
        <translation>Произошла ошибка; подробности — в журнале киоска.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a content package</source>
        <translation>Импорт пакета материалов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use of the kiosk</source>
        <translation>Использование киоска</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Totals</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visits by hour, last %1 days</source>
        <translation>Посещения по часам за %1 дн.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find packages</source>
        <translation>Найти пакеты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous archive</source>
        <translation>Предыдущий архив</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap again to go back</source>
        <translation>Нажмите ещё раз, чтобы вернуться</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to visitors</source>
        <translation>Вернуться к режиму посетителей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart kiosk</source>
        <translation>Перезапустить киоск</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to restart</source>
        <translation>Нажмите ещё раз для перезапуска</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit to desktop</source>
        <translation>Выйти на рабочий стол</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tap again to exit</source>
        <translation>Нажмите ещё раз, чтобы выйти</translation>
    </message>
</context>
<context>
    <name>StaffSettings</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/settings.py" line="+73"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Settings saved.</source>
        <translation>Настройки сохранены.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing has changed.</source>
        <translation>Ничего не изменилось.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Return to the start after</source>
        <translation>Возврат к началу через</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default language</source>
        <translation>Язык по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Часы работы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always open</source>
        <translation>Открыто всегда</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens at</source>
        <translation>Открытие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes at</source>
        <translation>Закрытие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
</context>
<context>
    <name>StaffStatus</name>
    <message>
        <location filename="../../src/khojaly_kiosk/kiosk/staff/flow.py" line="+107"/>
        <source>No archive is live.</source>
        <translation>Нет действующего архива.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The archive is intact.</source>
        <translation>Архив не повреждён.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem: %1</source>
        <translation>Проблема: %1</translation>
    </message>
</context>
<context>
    <name>StatisticsScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/statistics.py" line="+63"/>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No statistics are recorded in this archive yet.</source>
        <translation>В этом архиве пока нет статистических данных.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lives lost</source>
        <translation>Погибшие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcomes</source>
        <translation>Последствия</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destruction</source>
        <translation>Разрушения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The assault</source>
        <translation>Штурм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population</source>
        <translation>Население</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition</source>
        <translation>Признание</translation>
    </message>
</context>
<context>
    <name>TestimoniesScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/testimonies.py" line="+47"/>
        <source>Testimonies</source>
        <translation>Свидетельства</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Survivors</source>
        <translation>Выжившие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescuers and officials</source>
        <translation>Спасатели и официальные лица</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journalists</source>
        <translation>Журналисты</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Human-rights reports</source>
        <translation>Доклады правозащитников</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no testimonies in this group yet.</source>
        <translation>В этой группе пока нет свидетельств.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Shown in its original language</source>
        <translation>Показано на языке оригинала</translation>
    </message>
</context>
<context>
    <name>TimelineScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/timeline.py" line="+153"/>
        <location line="+114"/>
        <location line="+14"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Previous event</source>
        <translation>Предыдущее событие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next event</source>
        <translation>Следующее событие</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n events, each with its source.</source>
        <translation>
            <numerusform>%n событие со своим источником.</numerusform>
            <numerusform>%n события, каждое со своим источником.</numerusform>
            <numerusform>%n событий, каждое со своим источником.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Swipe the page, tap the arrows or drag the time line below to move through the events; pinch the time line or use + and – to zoom.</source>
        <translation>Чтобы переходить от события к событию, проведите по странице, нажмите стрелки или потяните шкалу времени внизу; чтобы изменить масштаб, разведите пальцы на шкале или нажмите + и –.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The timeline holds no events yet.</source>
        <translation>В хронологии пока нет событий.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in on the time line</source>
        <translation>Увеличить шкалу времени</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out on the time line</source>
        <translation>Уменьшить шкалу времени</translation>
    </message>
</context>
<context>
    <name>TimelineSlide</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/timeline_slide.py" line="+282"/>
        <source>Next event</source>
        <extracomment>Reading column limit: ~70 characters at 26-28 px.</extracomment>
        <translation>Следующее событие</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shown in the language of the source.</source>
        <translation>Показано на языке источника.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/topbar.py" line="+84"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Главная</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Text size: %1 times</source>
        <translation>Размер текста: ×%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High contrast: on</source>
        <translation>Высокая контрастность: вкл.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>High contrast: off</source>
        <translation>Высокая контрастность: выкл.</translation>
    </message>
</context>
<context>
    <name>TranslationCreditLine</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/widgets/translation_credit.py" line="+56"/>
        <source>Show the translation</source>
        <translation>Показать перевод</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reviewed by %1.</source>
        <translation>Редактор: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the original</source>
        <translation>Показать оригинал</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Translated from English by %1.</source>
        <translation>Перевод с английского: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani by %1.</source>
        <translation>Перевод с азербайджанского: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian by %1.</source>
        <translation>Перевод с русского: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish by %1.</source>
        <translation>Перевод с турецкого: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translated from English.</source>
        <translation>Перевод с английского.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Azerbaijani.</source>
        <translation>Перевод с азербайджанского.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Russian.</source>
        <translation>Перевод с русского.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translated from Turkish.</source>
        <translation>Перевод с турецкого.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The original, in English.</source>
        <translation>Оригинал на английском языке.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Azerbaijani.</source>
        <translation>Оригинал на азербайджанском языке.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Russian.</source>
        <translation>Оригинал на русском языке.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The original, in Turkish.</source>
        <translation>Оригинал на турецком языке.</translation>
    </message>
</context>
<context>
    <name>UnavailableScreen</name>
    <message>
        <location filename="../../src/khojaly_kiosk/ui/screens/unavailable.py" line="+36"/>
        <source>This exhibit is temporarily unavailable.</source>
        <translation>Эта экспозиция временно недоступна.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please ask a member of staff for help.</source>
        <translation>Пожалуйста, обратитесь за помощью к сотруднику.</translation>
    </message>
</context>
</TS>
