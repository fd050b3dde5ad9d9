"""Demo orders for the five shipped stores, dated relative to "now" so return windows always mean something.

Order numbers and phones are fixed; a demo user proves an order is theirs with the phone
(any format) or its last four digits. "d-2" means delivered on the calendar day two days
before the demo was loaded: inside every return window. "d-12" is outside every 7-day
window, also one counted in working days. Dates are on each store's own clock (the
`timezone` of its policy file). Totals are the sums of the items.

| store     | order_id | phone       | status                           | payment      | total            | items |
|-----------|----------|-------------|----------------------------------|--------------|------------------|-------|
| sitra     | SR-5001  | 09121111101 | processing                       | online       | 6,250,000 toman  | frying pan, Pars Khazar blender |
| sitra     | SR-5002  | 09121111102 | shipped (post)                   | cod          | 4,200,000 toman  | Adidas running shoes |
| sitra     | SR-5003  | 09121111103 | delivered d-2 (courier)          | installment  | 3,660,000 toman  | Philips hair dryer, 2 × Nivea cream (hygiene) |
| sitra     | SR-5004  | 09121111104 | delivered d-12 (post)            | card_to_card | 12,500,000 toman | Snowa vacuum cleaner (large) |
| sitra     | SR-5005  | 09121111105 | cancelled                        | online       | 1,750,000 toman  | travel backpack |
| sitra     | SR-5006  | 09121111106 | returned, delivered d-26 (post)  | online       | 9,800,000 toman  | Samsung Galaxy Tab A9 (serial) |
| tisa      | TS-1041  | 09352222201 | processing                       | installment  | 9,850,000 toman  | Dior Sauvage EDT 100 ml |
| tisa      | TS-1042  | 09352222202 | shipped (courier)                | online       | 2,140,000 toman  | La Roche-Posay gel, Maybelline mascara |
| tisa      | TS-1043  | 09352222203 | delivered d-2 (courier), ON SALE | online       | 7,200,000 toman  | Lancôme La Vie Est Belle 50 ml, gift sample |
| tisa      | TS-1044  | 09352222204 | delivered d-12 (post)            | card_to_card | 1,600,000 toman  | CeraVe cream, Garnier micellar water |
| tisa      | TS-1045  | 09352222205 | cancelled                        | cod          | 18,900,000 toman | Chanel Coco Mademoiselle 100 ml |
| tisa      | TS-1046  | 09352222206 | delivered d-2 (courier)          | cod          | 6,300,000 toman  | Versace Eros EDT 100 ml |
| chistatek | CK-3001  | 09193333301 | processing                       | card_to_card | 21,900,000 toman | Samsung Galaxy A55 (serial) |
| chistatek | CK-3002  | 09193333302 | shipped (post)                   | online       | 32,500,000 toman | Lenovo IdeaPad Slim 3 laptop (serial) |
| chistatek | CK-3003  | 09193333303 | delivered d-2 (courier)          | online       | 13,290,000 toman | Apple AirPods Pro 2 (serial), Anker charger |
| chistatek | CK-3004  | 09193333304 | delivered d-12 (post)            | installment  | 28,700,000 toman | ASUS Vivobook 15 laptop (serial) |
| chistatek | CK-3005  | 09193333305 | cancelled                        | cod          | 11,300,000 toman | Xiaomi Redmi Note 13 |
| chistatek | CK-3006  | 09193333306 | returned, delivered d-26 (post)  | online       | 9,600,000 toman  | Samsung 27" monitor (serial) |
| offykala  | 58120    | 09121234567 | delivered d-2 (post)             | online       | 18,500,000 toman | HP LaserJet M236 (large, test period, serial), gift paper |
| offykala  | 58121    | 09124444401 | processing                       | installment  | 9,800,000 toman  | Canon MF3010 printer (large, test period, serial) |
| offykala  | 58122    | 09124444402 | shipped (post)                   | card_to_card | 11,200,000 toman | Epson L3250 printer (large, test period, serial) |
| offykala  | 58123    | 09124444403 | delivered d-12 (post)            | cod          | 6,400,000 toman  | Panasonic fax machine (large, test period, serial) |
| offykala  | 58124    | 09124444404 | cancelled                        | online       | 95,000,000 toman | Sharp AR-6020 copier (large, test period) |
| offykala  | 58125    | 09124444405 | delivered d-3 (post)             | online       | 1,800,000 toman  | Logitech keyboard and mouse, Kingston flash drive |
| citadel   | CT-2001  | 599125501   | processing (courier)             | online       | 640 GEL          | Samsung 43" TV (large, serial) |
| citadel   | CT-2002  | 599125502   | shipped (courier)                | installment  | 320 GEL          | Samsung microwave (large, serial) |
| citadel   | CT-2003  | 599125503   | delivered d-2 (courier)          | online       | 85 GEL           | Philips kettle |
| citadel   | CT-2004  | 599125504   | delivered d-12 (courier)         | online       | 1,249 GEL        | Bosch washing machine (large, serial) |
| citadel   | CT-2005  | 599125505   | cancelled                        | installment  | 2,150 GEL        | LG refrigerator (large) |
| citadel   | CT-2006  | 599125506   | processing (pickup)              | online       | 149.90 GEL       | Tefal steam iron, Xiaomi power bank |
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Optional
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.orders import repository
from bot.orders.importer import ItemRecord, OrderRecord, import_orders
from bot.stores.policy import policies

PLACED_AT, SHIPPED_AT, DELIVERED_AT = (10, 15), (9, 0), (17, 40)  # local clock times of past days


@dataclass(frozen=True)
class _Timeline:
    """When an order was placed, shipped and delivered, in days before now (None: not yet)."""

    placed: float
    shipped: Optional[float] = None
    delivered: Optional[float] = None


PROCESSING = _Timeline(placed=0.125)  # three hours ago
SHIPPED = _Timeline(placed=2, shipped=1)
DELIVERED_RECENTLY = _Timeline(placed=5, shipped=4, delivered=2)
DELIVERED_3_DAYS_AGO = _Timeline(placed=6, shipped=5, delivered=3)
DELIVERED_LONG_AGO = _Timeline(placed=16, shipped=15, delivered=12)
CANCELLED = _Timeline(placed=4)
RETURNED = _Timeline(placed=30, shipped=29, delivered=26)


def _item(
    sku: str,
    name: str,
    category: str,
    price: str,
    quantity: int = 1,
    serial_number: Optional[str] = None,
    **flags: bool,
) -> ItemRecord:
    """One demo item; flags are gift, large, hygiene and needs_testing."""
    return ItemRecord(
        sku=sku,
        name=name,
        category=category,
        price=Decimal(price),
        quantity=quantity,
        serial_number=serial_number,
        **flags,
    )


@dataclass(frozen=True)
class _Demo:
    """One demo order before it is dated."""

    store: str
    order_id: str
    phone: str
    status: str
    timeline: _Timeline
    payment_method: str
    city: str
    items: tuple[ItemRecord, ...]
    carrier: Optional[str] = None
    tracking_code: Optional[str] = None
    on_sale: bool = False


HYGIENE = {"hygiene": True}
PRINTER = {"large": True, "needs_testing": True}

DEMO_ORDERS: tuple[_Demo, ...] = (
    # Sitra: a general online shop (toman)
    _Demo("sitra", "SR-5001", "09121111101", "processing", PROCESSING, "online", "Tehran", (
        _item("TF-PAN28", "ماهیتابه تفال ۲۸ سانتی‌متر", "kitchen", "2350000"),
        _item("PK-BL3020", "مخلوط‌کن پارس خزر BL-3020", "small appliance", "3900000", serial_number="PKB3020-55120"),
    )),
    _Demo("sitra", "SR-5002", "09121111102", "shipped", SHIPPED, "cod", "Isfahan", (
        _item("AD-GLX6-42", "Adidas Galaxy 6 running shoes, size 42", "shoes", "4200000"),
    ), carrier="post", tracking_code="184620003511750194250002"),
    _Demo("sitra", "SR-5003", "09121111103", "delivered", DELIVERED_RECENTLY, "installment", "Karaj", (
        _item("PH-BHD300", "Philips BHD300 hair dryer", "personal care", "3100000", serial_number="PH3K0417752"),
        _item("NV-SOFT200", "کرم نرم‌کننده نیوآ Soft ۲۰۰ میلی‌لیتر", "cosmetics", "280000", 2, **HYGIENE),
    ), carrier="courier", tracking_code="SRT-480213"),
    _Demo("sitra", "SR-5004", "09121111104", "delivered", DELIVERED_LONG_AGO, "card_to_card", "Shiraz", (
        _item("SN-SVC2200", "Snowa SVC-2200 vacuum cleaner", "home appliance", "12500000", serial_number="SNW22K0091",
              large=True),
    ), carrier="post", tracking_code="184620003511750194250004"),
    _Demo("sitra", "SR-5005", "09121111105", "cancelled", CANCELLED, "online", "Tabriz", (
        _item("KL-TRAVEL40", "کوله‌پشتی سفری ۴۰ لیتری", "bags", "1750000"),
    )),
    _Demo("sitra", "SR-5006", "09121111106", "returned", RETURNED, "online", "Mashhad", (
        _item("SM-X110", "Samsung Galaxy Tab A9 64 GB", "tablet", "9800000", serial_number="R9WT30X1106"),
    ), carrier="post", tracking_code="184620003511750194250006"),
    # Tisa: perfume and cosmetics (toman); every item is a hygiene item
    _Demo("tisa", "TS-1041", "09352222201", "processing", PROCESSING, "installment", "Tehran", (
        _item("DR-SAUV-EDT100", "Dior Sauvage Eau de Toilette 100 ml", "perfume", "9850000", **HYGIENE),
    )),
    _Demo("tisa", "TS-1042", "09352222202", "shipped", SHIPPED, "online", "Mashhad", (
        _item("LRP-EFF400", "La Roche-Posay Effaclar cleansing gel 400 ml", "skin care", "1450000", **HYGIENE),
        _item("MB-SKYHIGH", "Maybelline Lash Sensational Sky High mascara", "makeup", "690000", **HYGIENE),
    ), carrier="courier", tracking_code="TPX-7731042"),
    _Demo("tisa", "TS-1043", "09352222203", "delivered", DELIVERED_RECENTLY, "online", "Tehran", (
        _item("LC-LVEB-EDP50", "Lancôme La Vie Est Belle Eau de Parfum 50 ml", "perfume", "7200000", **HYGIENE),
        _item("LC-IDOLE-S", "Lancôme Idôle sample 1.2 ml", "perfume", "0", gift=True, hygiene=True),
    ), carrier="courier", tracking_code="TPX-7731043", on_sale=True),
    _Demo("tisa", "TS-1044", "09352222204", "delivered", DELIVERED_LONG_AGO, "card_to_card", "Isfahan", (
        _item("CV-MOIST340", "CeraVe Moisturising Cream 340 g", "skin care", "1180000", **HYGIENE),
        _item("GR-MIC400", "Garnier Micellar Cleansing Water 400 ml", "skin care", "420000", **HYGIENE),
    ), carrier="post", tracking_code="184620003511750194251044"),
    _Demo("tisa", "TS-1045", "09352222205", "cancelled", CANCELLED, "cod", "Shiraz", (
        _item("CH-COCO-EDP100", "Chanel Coco Mademoiselle Eau de Parfum 100 ml", "perfume", "18900000", **HYGIENE),
    )),
    _Demo("tisa", "TS-1046", "09352222206", "delivered", DELIVERED_RECENTLY, "cod", "Karaj", (
        _item("VS-EROS-EDT100", "Versace Eros Eau de Toilette 100 ml", "perfume", "6300000", **HYGIENE),
    ), carrier="courier", tracking_code="TPX-7731046"),
    # Chistatek: electronics (toman)
    _Demo("chistatek", "CK-3001", "09193333301", "processing", PROCESSING, "card_to_card", "Tehran", (
        _item("SM-A556-256", "Samsung Galaxy A55 5G 256 GB", "mobile phone", "21900000", serial_number="352718410553001"),
    )),
    _Demo("chistatek", "CK-3002", "09193333302", "shipped", SHIPPED, "online", "Mashhad", (
        _item("LN-IPS3-15", "Lenovo IdeaPad Slim 3 15IAH8", "laptop", "32500000", serial_number="PF4KX3002"),
    ), carrier="post", tracking_code="184620003511750194253002"),
    _Demo("chistatek", "CK-3003", "09193333303", "delivered", DELIVERED_RECENTLY, "online", "Tehran", (
        _item("AP-APP2", "Apple AirPods Pro (2nd generation)", "headphones", "12400000", serial_number="H6YKX3003AP"),
        _item("AK-A2633", "Anker 312 charger 20 W", "accessory", "890000"),
    ), carrier="courier", tracking_code="CHT-3003-77"),
    _Demo("chistatek", "CK-3004", "09193333304", "delivered", DELIVERED_LONG_AGO, "installment", "Tabriz", (
        _item("AS-X1504VA", "ASUS Vivobook 15 X1504VA", "laptop", "28700000", serial_number="R9N0CV3004"),
    ), carrier="post", tracking_code="184620003511750194253004"),
    _Demo("chistatek", "CK-3005", "09193333305", "cancelled", CANCELLED, "cod", "Karaj", (
        _item("XM-RN13-256", "Xiaomi Redmi Note 13 256 GB", "mobile phone", "11300000"),
    )),
    _Demo("chistatek", "CK-3006", "09193333306", "returned", RETURNED, "online", "Isfahan", (
        _item("SM-S27C310", 'Samsung 27" monitor S27C310', "monitor", "9600000", serial_number="ZZ3W3006HX"),
    ), carrier="post", tracking_code="184620003511750194253006"),
    # Offykala: office machines and electronics (toman); 58120 is the spec's example order
    _Demo("offykala", "58120", "09121234567", "delivered", DELIVERED_RECENTLY, "online", "Tehran", (
        _item("HP-M236", "HP LaserJet M236", "printer", "18500000", serial_number="CN12345678", **PRINTER),
        _item("OK-A4-500", "A4 copy paper, 500 sheets", "paper", "0", gift=True),
    ), carrier="post", tracking_code="123456789012345678901234"),
    _Demo("offykala", "58121", "09124444401", "processing", PROCESSING, "installment", "Tehran", (
        _item("CN-MF3010", "Canon i-SENSYS MF3010 multifunction printer", "printer", "9800000",
              serial_number="KPR58121", **PRINTER),
    )),
    _Demo("offykala", "58122", "09124444402", "shipped", SHIPPED, "card_to_card", "Isfahan", (
        _item("EP-L3250", "Epson EcoTank L3250 printer", "printer", "11200000", serial_number="X5NY058122", **PRINTER),
    ), carrier="post", tracking_code="184620003511750194258122"),
    _Demo("offykala", "58123", "09124444403", "delivered", DELIVERED_LONG_AGO, "cod", "Shiraz", (
        _item("PN-KXFT987", "Panasonic KX-FT987 fax machine", "office machine", "6400000", serial_number="3LBKA58123",
              **PRINTER),
    ), carrier="post", tracking_code="184620003511750194258123"),
    _Demo("offykala", "58124", "09124444404", "cancelled", CANCELLED, "online", "Tehran", (
        _item("SH-AR6020", "Sharp AR-6020 copier", "copier", "95000000", **PRINTER),
    )),
    _Demo("offykala", "58125", "09124444405", "delivered", DELIVERED_3_DAYS_AGO, "online", "Karaj", (
        _item("LG-MK270", "Logitech MK270 wireless keyboard and mouse", "accessory", "1350000"),
        _item("KS-DTX64", "Kingston DataTraveler Exodia 64 GB", "flash drive", "450000"),
    ), carrier="post", tracking_code="184620003511750194258125"),
    # Citadel: electronics and appliances in Georgia (lari)
    _Demo("citadel", "CT-2001", "599125501", "processing", PROCESSING, "online", "Tbilisi", (
        _item("SM-UE43CU7100", "Телевизор Samsung 43\" Crystal UHD UE43CU7100", "TV", "640", serial_number="0A3T2001",
              large=True),
    ), carrier="courier"),
    _Demo("citadel", "CT-2002", "599125502", "shipped", SHIPPED, "installment", "Batumi", (
        _item("SM-MS23K3513", "Микроволновая печь Samsung MS23K3513AW", "home appliance", "320",
              serial_number="MW2002K35", large=True),
    ), carrier="courier", tracking_code="CTD-2002-5821"),
    _Demo("citadel", "CT-2003", "599125503", "delivered", DELIVERED_RECENTLY, "online", "Tbilisi", (
        _item("PH-HD9350", "Чайник Philips HD9350", "small appliance", "85"),
    ), carrier="courier", tracking_code="CTD-2003-6614"),
    _Demo("citadel", "CT-2004", "599125504", "delivered", DELIVERED_LONG_AGO, "online", "Kutaisi", (
        _item("BS-WAN24260", "Стиральная машина Bosch WAN24260", "home appliance", "1249", serial_number="FD9804CT2004",
              large=True),
    ), carrier="courier", tracking_code="CTD-2004-1207"),
    _Demo("citadel", "CT-2005", "599125505", "cancelled", CANCELLED, "installment", "Rustavi", (
        _item("LG-GCB459", "Холодильник LG GC-B459", "home appliance", "2150", large=True),
    )),
    _Demo("citadel", "CT-2006", "599125506", "processing", PROCESSING, "online", "Tbilisi", (
        _item("TF-FV2868", "Утюг Tefal FV2868", "small appliance", "119.90"),
        _item("XM-PB10", "Внешний аккумулятор Xiaomi 10000 mAh", "accessory", "30.00"),
    ), carrier="pickup"),
)


def _moment(now: datetime, days: Optional[float], zone: tzinfo, clock: tuple[int, int]) -> Optional[datetime]:
    """`days` before `now` in the store's zone; whole days land on the `clock` time of that day."""
    if days is None:
        return None
    local = now.astimezone(zone).replace(second=0, microsecond=0)
    if days < 1:
        return local - timedelta(days=days)
    day = (local - timedelta(days=days)).date()
    return datetime(day.year, day.month, day.day, *clock, tzinfo=zone)


def demo_records(now: datetime) -> list[OrderRecord]:
    """The demo set dated relative to `now` (timezone-aware); see the module docstring."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    records = []
    for demo in DEMO_ORDERS:
        zone = ZoneInfo(policies()[demo.store].timezone)
        timeline = demo.timeline
        records.append(
            OrderRecord(
                store=demo.store,
                order_id=demo.order_id,
                phone=demo.phone,
                status=demo.status,
                payment_method=demo.payment_method,
                total=sum((item.price * item.quantity for item in demo.items), Decimal("0.00")),
                items=demo.items,
                placed_at=_moment(now, timeline.placed, zone, PLACED_AT),
                shipped_at=_moment(now, timeline.shipped, zone, SHIPPED_AT),
                delivered_at=_moment(now, timeline.delivered, zone, DELIVERED_AT),
                carrier=demo.carrier,
                tracking_code=demo.tracking_code,
                city=demo.city,
                on_sale=demo.on_sale,
            )
        )
    return records


def load_demo(session: Session, now: datetime) -> int:
    """Loads the demo orders of every store (policy file) that has no orders yet; returns how many (commits)."""
    records = demo_records(now)
    empty = {store for store in policies() if repository.count_orders(session, store) == 0}
    wanted = [record for record in records if record.store in empty]
    if not wanted:
        return 0
    return import_orders(session, wanted, source="demo").created
